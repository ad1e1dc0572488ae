package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.KstatusAssert;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Blue/green end to end (issue 11): examples/blue-green/ applied with kubectl against the bed's
 * model of ECS service deployments, behind an ALB with a production and a test listener rule built
 * in the bed. The bed's clock runs 60 times faster, so the example's 15-minute bake takes 15 s.
 */
class EcsServiceBlueGreenE2EIT extends ServiceDeploymentE2E {

  EcsServiceBlueGreenE2EIT() {
    super("bg", "blue-green/service.yaml");
  }

  @Test
  void aPausedDeploymentWaitsForApprovalFromKubectlThenBakesAndGoesReady() throws IOException {
    h.apply(manifests("1.0.0")).assertSuccess("apply examples/blue-green");

    String hook = awaitingApproval();
    String deployment = trackedDeployment();
    assertThat(deployment).contains(":service-deployment/checkout/checkout/");
    assertThat(h.get(SERVICE, ".status.rollout.strategy")).isEqualTo("BLUE_GREEN");
    assertThat(h.kubectl("get", "ecssvc", "checkout").stdout()).contains("POST_TEST_TRAFFIC_SHIFT");
    KstatusAssert.of(live()).isAwaitingApproval();
    assertThat(alb.productionWeights()).isEqualTo(Map.of(alb.blue, 100, alb.green, 0));

    // An answer for another hook is never applied.
    annotate("ecsoperator.io/approve=0ld0h00k");
    stillAwaiting(hook);

    annotate("ecsoperator.io/approve=" + hook);

    waitForReason(SERVICE, "Reconciling", "Baking");
    assertThat(h.get(SERVICE, ".status.rollout.bakeEndsAt")).isNotBlank();
    assertThat(alb.productionWeights()).isEqualTo(Map.of(alb.blue, 0, alb.green, 100));
    h.waitFor("condition=Ready", SERVICE, WAIT);
    assertThat(h.get(SERVICE, ".status.rollout.status")).isEqualTo("SUCCESSFUL");
    assertThat(trackedDeployment()).isEqualTo(deployment);
    assertThat(events("checkout")).contains("RolloutApproved");

    printCalls("BLUE_GREEN with a pause, from the first apply to Ready");

    // ECS swapped the target groups and owns the listener weights: drift checks leave them be.
    h.calls.reset();
    noWritesDuring(RESYNC.multipliedBy(3));
    assertThat(alb.productionWeights()).isEqualTo(Map.of(alb.blue, 0, alb.green, 100));

    // The approval left on the object names the last deployment's hook: the next one waits.
    h.apply(manifests("1.1.0")).assertSuccess("apply a new image");
    awaitDeploymentAfter(deployment);
    String next = awaitingApproval();
    assertThat(next).isNotEqualTo(hook);
    stillAwaiting(next);
  }

  private String awaitingApproval() {
    waitForReason(SERVICE, "Reconciling", "AwaitingApproval");
    String hook = h.get(SERVICE, ".status.rollout.pendingHook.hookId");
    assertThat(hook).isNotBlank();
    assertThat(h.get(SERVICE, ".status.rollout.lifecycleStage"))
        .isEqualTo("POST_TEST_TRAFFIC_SHIFT");
    assertThat(h.get(SERVICE, conditionMessage("Reconciling")))
        .contains("hook " + hook + " awaits approval")
        .contains("ecsoperator.io/approve=" + hook);
    return hook;
  }

  private void stillAwaiting(String hook) {
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(h.get(SERVICE, ".status.rollout.pendingHook.hookId")).isEqualTo(hook));
    assertThat(h.get(SERVICE, conditionMessage("Reconciling"))).contains("is ignored");
  }
}

package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.operator.testsupport.ArgoCd;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Blue/green end to end (issue 11): examples/blue-green/ applied with kubectl against the bed's
 * model of ECS service deployments, behind an ALB with a production and a test listener rule built
 * in the bed. The bed's clock runs 60 times faster, so the example's 15-minute bake takes 15 s. The
 * approve and rollback buttons are the chart's Argo CD actions, run by Argo CD's own code.
 */
class EcsServiceBlueGreenE2EIT extends ServiceDeploymentE2E {

  EcsServiceBlueGreenE2EIT() {
    super("bg", "blue-green/service.yaml");
  }

  @Test
  void aPausedDeploymentWaitsForApprovalThenBakesAndGoesReadyAndTheNextIsRolledBack()
      throws IOException {
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

    assertThat(argoCd().actions(live())).contains("approve", "rollback");
    runArgoCdAction("approve");

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

    // Rolled back from Argo CD at the hook: production stays on the revision that served it.
    String rolledBack = trackedDeployment();
    runArgoCdAction("rollback");
    waitForReason(SERVICE, "Stalled", "RolloutRolledBack");
    assertThat(trackedDeployment()).isEqualTo(rolledBack);
    assertThat(h.get(SERVICE, ".status.rollout.status")).startsWith("ROLLBACK_");
    assertThat(alb.productionWeights()).isEqualTo(Map.of(alb.blue, 0, alb.green, 100));
    assertThat(events("checkout")).contains("RollbackRequested");
    assertThat(argoCd().actions(live())).containsExactly("restart");
    assertThat(h.metrics().scrape())
        .containsPattern(
            "ecsoperator_rollouts_rolledback_total\\{strategy=\"BLUE_GREEN\"\\} 1\\.0");
  }

  private ArgoCd argoCd() {
    return ArgoCd.ofChart(h.bed.repoRoot());
  }

  /** What Argo CD's API server does for the action: a merge patch of the live object. */
  private void runArgoCdAction(String action) {
    JsonNode patch = argoCd().action(live(), action);
    h.kubectl("patch", SERVICE, "--type=merge", "-p", patch.toString())
        .assertSuccess("Argo CD action " + action);
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

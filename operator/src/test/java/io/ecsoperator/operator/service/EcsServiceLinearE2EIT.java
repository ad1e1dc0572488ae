package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.reconcilers.aws.AwsCallListener;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Linear end to end (issue 11 acceptance): examples/linear/ moves production traffic in steps of
 * 25%, 3 minutes (3 s on the bed's clock) apart, and each step shows in status. What the operator
 * does meanwhile costs nothing: re-applying the same manifest starts no second deployment, drift
 * checks write nothing, and with no deployment in flight they read no deployment either. A new task
 * definition revision mid-deployment, like a change of the service's own spec, goes to ECS at once
 * and supersedes it.
 */
class EcsServiceLinearE2EIT extends ServiceDeploymentE2E {

  EcsServiceLinearE2EIT() {
    super("linear", "linear/service.yaml");
  }

  @Test
  void eachStepShowsInStatusAndTheOperatorOnlyWatches() throws IOException {
    h.apply(manifests("1.0.0")).assertSuccess("apply examples/linear");
    h.waitFor("condition=Ready", SERVICE, WAIT);
    String first = trackedDeployment();
    assertThat(h.get(SERVICE, ".status.rollout.strategy")).isEqualTo("LINEAR");
    printCalls("LINEAR, from the first apply to Ready");

    // Nothing in flight: drift checks read the service but not its finished deployment.
    h.calls.reset();
    noWritesDuring(RESYNC.multipliedBy(2));
    assertThat(h.calls.all()).containsKey("DescribeServices");
    assertThat(h.calls.all()).doesNotContainKey("DescribeServiceDeployments");

    h.calls.reset();
    h.apply(manifests("1.1.0")).assertSuccess("apply a new image");
    String deployment = awaitDeploymentAfter(first);
    List<Double> steps = new ArrayList<>();
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> seen(steps) == 25.0);

    printCalls("LINEAR, from a new image to the first step");

    // The first step bakes: the same manifest again, and the drift checks until Ready, touch
    // nothing in AWS.
    h.calls.reset();
    h.apply(manifests("1.1.0")).assertSuccess("re-apply the same manifest");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> seen(steps) == 100.0 && isReady());

    assertThat(steps).containsExactly(25.0, 50.0, 75.0, 100.0);
    assertThat(trackedDeployment()).isEqualTo(deployment);
    assertThat(h.calls.all()).containsKey("DescribeServiceDeployments");
    assertThat(h.calls.writes()).isEmpty();
    printCalls("LINEAR, from the first step to Ready");

    // A new revision of the task definition mid-deployment is handed to ECS at once, as ECS
    // takes it: its deployment supersedes the one in flight (STOPPED, production traffic back on
    // the source revision) and the status follows the new one.
    h.apply(manifests("1.2.0")).assertSuccess("apply a new image");
    String superseded = awaitDeploymentAfter(deployment);
    awaitFirstStep();
    h.calls.reset();
    h.apply(manifests("1.3.0")).assertSuccess("apply another image mid-deployment");
    String second = awaitDeploymentAfter(superseded);
    assertThat(deploymentStatus(superseded)).isEqualTo("STOPPED");
    assertThat(h.calls.writes()).containsEntry("UpdateService", 1);

    // A change of the service's own spec mid-deployment is handed to ECS at once: its new
    // deployment supersedes the one in flight, and the status follows the new one to Ready.
    awaitFirstStep();
    h.kubectl(
            "patch",
            SERVICE,
            "--type=merge",
            "-p",
            "{\"spec\":{\"restartedAt\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\"}}")
        .assertSuccess("restart mid-deployment");
    String restart = awaitDeploymentAfter(second);
    assertThat(deploymentStatus(second)).isEqualTo("STOPPED");
    await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(this::isReady);
    assertThat(trackedDeployment()).isEqualTo(restart);
    assertThat(h.get(SERVICE, ".status.taskDefinition"))
        .isEqualTo(h.get("ecstaskdefinition/checkout", ".status.taskDefinitionArn"));
  }

  private void awaitFirstStep() {
    await().atMost(WAIT).until(() -> Double.valueOf(25.0).equals(productionTrafficPercent()));
  }

  /** What ECS says of a deployment, asked apart from the operator's call counter. */
  private String deploymentStatus(String arn) {
    try (var aws = h.bed.awsClients(AwsCallListener.NONE)) {
      return aws.forRegion(null)
          .ecs()
          .describeServiceDeployments(r -> r.serviceDeploymentArns(arn))
          .serviceDeployments()
          .get(0)
          .statusAsString();
    }
  }

  /**
   * The production traffic percent the status shows now, added to {@code steps} when it differs
   * from the last one seen; none (0) before the first shift, which is not a step.
   */
  private double seen(List<Double> steps) {
    Double percent = productionTrafficPercent();
    double now = percent == null ? 0.0 : percent;
    if (now > 0.0 && (steps.isEmpty() || steps.get(steps.size() - 1) != now)) {
      steps.add(now);
    }
    return now;
  }

  private boolean isReady() {
    return "True".equals(h.get(SERVICE, ".status.conditions[?(@.type==\"Ready\")].status"))
        && "SUCCESSFUL".equals(h.get(SERVICE, ".status.rollout.status"));
  }
}

package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Linear end to end (issue 11 acceptance): examples/linear/ moves production traffic in steps of
 * 25%, 3 minutes (3 s on the bed's clock) apart, and each step shows in status. What the operator
 * does meanwhile costs nothing: re-applying the same manifest starts no second deployment, drift
 * checks write nothing, and with no deployment in flight they read no deployment either.
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

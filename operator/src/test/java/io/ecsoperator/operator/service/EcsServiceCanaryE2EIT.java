package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.BedAlarms;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Canary end to end (issue 11 acceptance): examples/canary/ sends 10% of production traffic to the
 * new revision while the CloudWatch alarm checkout-5xx watches it; the alarm fires, ECS rolls back,
 * the object says so naming the alarm, and a fixed spec then goes Ready.
 */
class EcsServiceCanaryE2EIT extends ServiceDeploymentE2E {

  private static final String ALARM = "checkout-5xx";

  private BedAlarms alarms;

  EcsServiceCanaryE2EIT() {
    super("canary", "canary/service.yaml");
  }

  @BeforeAll
  void theAlarmTheExampleNames() {
    alarms = new BedAlarms(h.bed);
    alarms.create(ALARM);
    alarms.setState(ALARM, "OK");
  }

  @Test
  void anAlarmDuringTheCanaryRollsBackAndAFixedSpecGoesReady() throws IOException {
    h.apply(manifests("1.0.0")).assertSuccess("apply examples/canary");
    h.waitFor("condition=Ready", SERVICE, WAIT);
    String first = trackedDeployment();
    assertThat(h.get(SERVICE, ".status.rollout.strategy")).isEqualTo("CANARY");
    printCalls("CANARY, from the first apply to Ready");

    // The deploymentConfiguration ECS reports, with its defaults filled, is no drift.
    h.calls.reset();
    noWritesDuring(RESYNC.multipliedBy(2));

    h.calls.reset();
    h.apply(manifests("1.1.0")).assertSuccess("apply a new image");
    String canary = awaitDeploymentAfter(first);
    await().atMost(WAIT).until(() -> Double.valueOf(10.0).equals(productionTrafficPercent()));
    assertThat(h.get(SERVICE, conditionMessage("Reconciling"))).contains("10.0% of production");
    // Blue is the target group that served production before the canary; green gets 10%.
    Map<String, Integer> weights = alb.productionWeights();
    String blue = weights.get(alb.blue) == 90 ? alb.blue : alb.green;
    String green = blue.equals(alb.blue) ? alb.green : alb.blue;
    assertThat(weights).isEqualTo(Map.of(blue, 90, green, 10));

    alarms.setState(ALARM, "ALARM");

    waitForReason(SERVICE, "Stalled", "RolloutRolledBack");
    assertThat(h.get(SERVICE, conditionMessage("Stalled"))).contains(ALARM);
    assertThat(h.get(SERVICE, ".status.rollout.rollbackReason")).contains(ALARM);
    assertThat(trackedDeployment()).isEqualTo(canary);
    assertThat(alb.productionWeights()).isEqualTo(Map.of(blue, 100, green, 0));
    printCalls("CANARY, from a new image to rolled back by the alarm");

    alarms.setState(ALARM, "OK");
    h.calls.reset();
    h.apply(manifests("1.2.0")).assertSuccess("apply a fixed image");
    String fixed = awaitDeploymentAfter(canary);
    h.waitFor("condition=Ready", SERVICE, WAIT);
    assertThat(trackedDeployment()).isEqualTo(fixed);
    assertThat(h.get(SERVICE, ".status.rollout.status")).isEqualTo("SUCCESSFUL");
    printCalls("CANARY, from a new image to Ready");
  }
}

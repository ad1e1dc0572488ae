package io.ecsoperator.reconcilers.service.rollout;

import static io.ecsoperator.reconcilers.service.rollout.DeploymentFixtures.ARN;
import static io.ecsoperator.reconcilers.service.rollout.DeploymentFixtures.BAKING;
import static io.ecsoperator.reconcilers.service.rollout.DeploymentFixtures.HOOK;
import static io.ecsoperator.reconcilers.service.rollout.DeploymentFixtures.LINEAR;
import static io.ecsoperator.reconcilers.service.rollout.DeploymentFixtures.PAUSED;
import static io.ecsoperator.reconcilers.service.rollout.DeploymentFixtures.ROLLED_BACK;
import static io.ecsoperator.reconcilers.service.rollout.DeploymentFixtures.SUCCESSFUL;
import static io.ecsoperator.reconcilers.service.rollout.DeploymentFixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.TerminalException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentProgressTest {

  private static final RolloutContext NOTHING_SAID = RolloutContext.NONE;

  @Test
  void aPausedHookAwaitsApprovalAndSaysHowToGiveIt() {
    Readiness readiness =
        DeploymentProgress.of(deployment(PAUSED), NOTHING_SAID, null, List.of()).orElseThrow();

    assertThat(readiness.reason()).isEqualTo("AwaitingApproval");
    assertThat(readiness.message())
        .contains("paused at POST_TEST_TRAFFIC_SHIFT")
        .contains("hook " + HOOK)
        .contains("until 2026-12-01T09:19:41.877Z (then ROLLBACK)")
        .contains("ecsoperator.io/approve=" + HOOK)
        .doesNotContain("ignored");
  }

  @Test
  void anApprovalForAnotherHookIsCalledOutAsIgnored() {
    RolloutContext stale = new RolloutContext(ARN, "IN_PROGRESS", null, "0ld0h00k", null);

    assertThat(DeploymentProgress.of(deployment(PAUSED), stale, null, List.of()).orElseThrow())
        .extracting(Readiness::message)
        .asString()
        .contains("ecsoperator.io/approve=0ld0h00k names another hook and is ignored");
  }

  @Test
  void bakingSaysUntilWhen() {
    Readiness readiness =
        DeploymentProgress.of(deployment(BAKING), NOTHING_SAID, "2026-11-30T09:45:00Z", List.of())
            .orElseThrow();

    assertThat(readiness.reason()).isEqualTo("Baking");
    assertThat(readiness.message()).endsWith("is baking until 2026-11-30T09:45:00Z");
  }

  @Test
  void aTrafficShiftShowsStageAndPercent() {
    Readiness readiness =
        DeploymentProgress.of(deployment(LINEAR), NOTHING_SAID, null, List.of()).orElseThrow();

    assertThat(readiness.reason()).isEqualTo("RolloutInProgress");
    assertThat(readiness.message())
        .contains("IN_PROGRESS at PRODUCTION_TRAFFIC_SHIFT, 30.0% of production traffic");
  }

  @Test
  void aRollbackStallsNamingTheAlarmAndTheLatestEvents() {
    assertThatThrownBy(
            () ->
                DeploymentProgress.of(
                    deployment(ROLLED_BACK),
                    NOTHING_SAID,
                    null,
                    List.of("(service web) rolling back deployment")))
        .isInstanceOf(TerminalException.class)
        .hasMessageContaining(
            "was rolled back: Rolled back due to alarm(s) in ALARM state: web-5xx")
        .hasMessageContaining("alarms in ALARM: web-5xx")
        .hasMessageContaining("latest events: (service web) rolling back deployment")
        .extracting(e -> ((TerminalException) e).reason())
        .isEqualTo("RolloutRolledBack");
  }

  @Test
  void aSuccessfulDeploymentLeavesReadinessToTheService() {
    assertThat(DeploymentProgress.of(deployment(SUCCESSFUL), NOTHING_SAID, null, List.of()))
        .isEmpty();
  }

  @Test
  void theBakeEndIsKeptWhileTheSameDeploymentBakesAndCountedFromNowOtherwise() {
    Instant now = Instant.parse("2026-11-30T09:30:00Z");
    RolloutContext sawItBake =
        new RolloutContext(ARN, "IN_PROGRESS", "2026-11-30T09:44:00Z", null, null);

    assertThat(TrackedDeployment.of(deployment(BAKING), sawItBake, now).bakeEndsAt())
        .isEqualTo("2026-11-30T09:44:00Z");
    assertThat(TrackedDeployment.of(deployment(BAKING), NOTHING_SAID, now).bakeEndsAt())
        .isEqualTo("2026-11-30T09:45:00Z");
    assertThat(TrackedDeployment.of(deployment(PAUSED), sawItBake, now).bakeEndsAt()).isNull();
  }
}

package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.RolloutStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutTransitionsTest {

  private static final String FIRST = "arn:aws:ecs:eu-west-1:123456789012:service-deployment/c/s/1";
  private static final String SECOND =
      "arn:aws:ecs:eu-west-1:123456789012:service-deployment/c/s/2";

  private final List<String> seen = new ArrayList<>();
  private Instant now = Instant.parse("2026-12-07T02:00:00Z");
  private final RolloutTransitions transitions =
      new RolloutTransitions(
          new RecordingMetrics(),
          new Clock() {
            @Override
            public Instant instant() {
              return now;
            }

            @Override
            public ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
              return this;
            }
          });

  @Test
  void eachMilestoneOfADeploymentCountsOnceHoweverOftenTheStatusIsWritten() {
    RolloutStatus shifting = rollout(FIRST, "IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT");
    transitions.observe("uid", null, shifting);
    transitions.observe("uid", shifting, shifting);
    now = now.plusSeconds(30);
    RolloutStatus baking = rollout(FIRST, "IN_PROGRESS", "BAKE_TIME");
    transitions.observe("uid", shifting, baking);
    now = now.plusSeconds(300);
    RolloutStatus done = rollout(FIRST, "SUCCESSFUL", null);
    transitions.observe("uid", baking, done);
    transitions.observe("uid", done, done);

    assertThat(seen)
        .containsExactly(
            "started CANARY",
            "stage CANARY PRODUCTION_TRAFFIC_SHIFT PT30S",
            "stage CANARY BAKE_TIME PT5M",
            "succeeded CANARY");
  }

  @Test
  void aRollbackCountsWhenItBeginsAndANewDeploymentStartsAgain() {
    RolloutStatus shifting = rollout(FIRST, "IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT");
    RolloutStatus requested = rollout(FIRST, "ROLLBACK_IN_PROGRESS", null);
    RolloutStatus rolledBack = rollout(FIRST, "ROLLBACK_SUCCESSFUL", null);
    transitions.observe("uid", shifting, shifting);
    transitions.observe("uid", shifting, requested);
    transitions.observe("uid", requested, rolledBack);
    transitions.observe("uid", rolledBack, rollout(SECOND, "PENDING", null));

    assertThat(seen)
        .containsExactly(
            "stage CANARY PRODUCTION_TRAFFIC_SHIFT PT0S", "rolled back CANARY", "started CANARY");
  }

  @Test
  void aServiceWithoutServiceDeploymentsCountsNothing() {
    RolloutStatus rolling = new RolloutStatus();
    rolling.deploymentId = "ecs-svc/1";
    transitions.observe("uid", null, rolling);
    transitions.observe("uid", rolling, null);

    assertThat(seen).isEmpty();
  }

  private static RolloutStatus rollout(String arn, String status, String stage) {
    RolloutStatus rollout = new RolloutStatus();
    rollout.strategy = "CANARY";
    rollout.serviceDeploymentArn = arn;
    rollout.status = status;
    rollout.lifecycleStage = stage;
    return rollout;
  }

  private final class RecordingMetrics implements RolloutMetrics {
    @Override
    public void deploymentStarted(String strategy) {
      seen.add("started " + strategy);
    }

    @Override
    public void deploymentSucceeded(String strategy) {
      seen.add("succeeded " + strategy);
    }

    @Override
    public void deploymentRolledBack(String strategy) {
      seen.add("rolled back " + strategy);
    }

    @Override
    public void stageEnded(String strategy, String stage, Duration took) {
      seen.add("stage " + strategy + " " + stage + " " + took);
    }
  }
}

package io.ecsoperator.operator.service;

import io.ecsoperator.crds.service.RolloutStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns two successive status.rollout of one object into {@link RolloutMetrics} milestones: a
 * deployment counts as started, succeeded or rolled back once, when the status first shows it so
 * (the previous status is what Kubernetes stores, so an operator restart counts nothing twice). How
 * long a stage took is measured from when this process first saw it, so a stage is timed to the
 * progress interval and one under way at a restart is timed from the restart.
 */
final class RolloutTransitions {

  private static final String SUCCESSFUL = "SUCCESSFUL";
  private static final String ROLLBACK = "ROLLBACK_";

  private final RolloutMetrics metrics;
  private final Clock clock;

  /** The stage each object's deployment is at, by object UID, and since when. */
  private final Map<String, StageSeen> stages = new ConcurrentHashMap<>();

  private record StageSeen(String deploymentArn, String strategy, String stage, Instant since) {}

  RolloutTransitions(RolloutMetrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  /** {@code previous}: the status.rollout stored; {@code next}: the one about to be written. */
  void observe(String object, RolloutStatus previous, RolloutStatus next) {
    if (next == null || next.serviceDeploymentArn == null) {
      return;
    }
    boolean sameDeployment =
        previous != null && next.serviceDeploymentArn.equals(previous.serviceDeploymentArn);
    String before = sameDeployment ? previous.status : null;
    String strategy = Objects.requireNonNullElse(next.strategy, "ROLLING");
    timeStages(object, next, strategy);
    if (!sameDeployment) {
      metrics.deploymentStarted(strategy);
    }
    if (SUCCESSFUL.equals(next.status) && !SUCCESSFUL.equals(before)) {
      metrics.deploymentSucceeded(strategy);
    }
    if (rollingBack(next.status) && !rollingBack(before)) {
      metrics.deploymentRolledBack(strategy);
    }
  }

  /** Forgets a deleted object's stage. */
  void forget(String object) {
    stages.remove(object);
  }

  private void timeStages(String object, RolloutStatus next, String strategy) {
    StageSeen seen = stages.get(object);
    boolean moved =
        seen == null
            || !seen.deploymentArn().equals(next.serviceDeploymentArn)
            || !Objects.equals(seen.stage(), next.lifecycleStage);
    if (!moved) {
      return;
    }
    Instant now = clock.instant();
    if (seen != null) {
      metrics.stageEnded(seen.strategy(), seen.stage(), Duration.between(seen.since(), now));
    }
    if (next.lifecycleStage == null) {
      stages.remove(object);
    } else {
      stages.put(
          object, new StageSeen(next.serviceDeploymentArn, strategy, next.lifecycleStage, now));
    }
  }

  private static boolean rollingBack(String status) {
    return status != null && status.startsWith(ROLLBACK);
  }
}

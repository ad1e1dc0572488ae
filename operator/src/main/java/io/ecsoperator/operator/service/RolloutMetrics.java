package io.ecsoperator.operator.service;

import java.time.Duration;

/** Told of each service deployment's milestones, once each: the operator's rollout metrics. */
public interface RolloutMetrics {

  RolloutMetrics NONE =
      new RolloutMetrics() {
        @Override
        public void deploymentStarted(String strategy) {}

        @Override
        public void deploymentSucceeded(String strategy) {}

        @Override
        public void deploymentRolledBack(String strategy) {}

        @Override
        public void stageEnded(String strategy, String stage, Duration took) {}
      };

  /** A service deployment the operator had not seen yet (ROLLING, BLUE_GREEN, LINEAR, CANARY). */
  void deploymentStarted(String strategy);

  void deploymentSucceeded(String strategy);

  /** ECS began rolling the deployment back (alarm, circuit breaker, hook, or a rollback asked). */
  void deploymentRolledBack(String strategy);

  /** A lifecycle stage ended, {@code took} after the operator first saw it. */
  void stageEnded(String strategy, String stage, Duration took);
}

package io.ecsoperator.reconcilers.service;

import static io.ecsoperator.reconcilers.service.ServiceFixtures.DAEMON;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_IN_PROGRESS;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_ROLLBACK;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_7;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_8;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.service;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.TerminalException;
import org.junit.jupiter.api.Test;

/** Readiness of services from real describe-services outputs (DESIGN §5 R3). */
class ServiceReadinessTest {

  @Test
  void aCompletedRolloutWithTheDesiredTasksRunningIsReady() {
    assertThat(ServiceReadiness.of(state(WEB), WEB_TD_7)).isEqualTo(Readiness.READY);
    assertThat(
            ServiceReadiness.of(
                state(DAEMON), "arn:aws:ecs:eu-west-1:123456789012:task-definition/log-router:3"))
        .isEqualTo(Readiness.READY);
  }

  @Test
  void aRolloutInProgressWaitsWithItsTaskCounts() {
    Readiness readiness = ServiceReadiness.of(state(WEB_IN_PROGRESS), WEB_TD_8);

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reason()).isEqualTo("RolloutInProgress");
    assertThat(readiness.message())
        .isEqualTo("deployment ecs-svc/7745305712498870514 is IN_PROGRESS: 1 of 3 tasks running");
  }

  @Test
  void aRolledBackRolloutOfTheDesiredRevisionStallsWithTheLatestEvents() {
    assertThatThrownBy(() -> ServiceReadiness.of(state(WEB_ROLLBACK), WEB_TD_8))
        .isInstanceOfSatisfying(
            TerminalException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("RolloutFailed");
              assertThat(e.getMessage())
                  .startsWith(
                      "the rollout of "
                          + WEB_TD_8
                          + " failed (ecs-svc/7745305712498870514, 3"
                          + " failed tasks): ECS deployment circuit breaker: tasks failed to"
                          + " start.; latest events: (service web) rolling back to deployment")
                  .contains("(deployment ecs-svc/7745305712498870514) deployment failed")
                  .contains("failed container health checks")
                  .doesNotContain("has started 2 tasks")
                  .endsWith("a new restartedAt to retry)");
            });
  }

  @Test
  void theFailedRolloutOfARevisionNoLongerAskedForIsHistory() {
    Readiness readiness = ServiceReadiness.of(state(WEB_ROLLBACK), WEB_TD_7);

    assertThat(readiness.reason()).isEqualTo("RolloutInProgress");
  }

  @Test
  void aFailedPrimaryDeploymentStallsWhateverRevisionIsAskedFor() {
    EcsServiceState failed =
        new EcsServiceState(
            service(WEB, "\"rolloutState\": \"COMPLETED\"", "\"rolloutState\": \"FAILED\""),
            null,
            null);

    assertThatThrownBy(() -> ServiceReadiness.of(failed, WEB_TD_8))
        .isInstanceOfSatisfying(
            TerminalException.class, e -> assertThat(e.reason()).isEqualTo("RolloutFailed"));
  }

  @Test
  void aDrainingServiceWaitsForInactive() {
    EcsServiceState draining =
        new EcsServiceState(
            service(WEB, "\"status\": \"ACTIVE\"", "\"status\": \"DRAINING\""), null, null);

    Readiness readiness = ServiceReadiness.of(draining, WEB_TD_7);

    assertThat(readiness.reason()).isEqualTo("ServiceDraining");
    assertThat(readiness.message()).contains("service web is DRAINING");
  }

  @Test
  void fewerTasksThanDesiredWaitAndMoreAreAScaleInStopping() {
    EcsServiceState starting =
        new EcsServiceState(service(WEB).toBuilder().desiredCount(5).build(), null, null);
    EcsServiceState stopping =
        new EcsServiceState(service(WEB).toBuilder().desiredCount(2).build(), null, null);

    assertThat(ServiceReadiness.of(starting, WEB_TD_7).reason()).isEqualTo("TasksStarting");
    assertThat(ServiceReadiness.of(starting, WEB_TD_7).message()).isEqualTo("3 of 5 tasks running");
    assertThat(ServiceReadiness.of(stopping, WEB_TD_7)).isEqualTo(Readiness.READY);
  }

  @Test
  void deploymentsWithoutRolloutStateAreSettledWhenOnlyOneIsLeft() {
    EcsServiceState codeDeploy =
        new EcsServiceState(
            service(WEB_IN_PROGRESS).toBuilder()
                .deployments(
                    service(WEB_IN_PROGRESS).deployments().stream()
                        .map(d -> d.toBuilder().rolloutState((String) null).build())
                        .toList())
                .build(),
            null,
            null);

    assertThat(ServiceReadiness.of(codeDeploy, WEB_TD_8).reason())
        .isEqualTo("DeploymentInProgress");
  }

  @Test
  void theStateRemembersARolledBackRevisionOnlyWhileThePrimaryRunsAnother() {
    assertThat(state(WEB_ROLLBACK).failedRollout()).map(d -> d.taskDefinition()).contains(WEB_TD_8);
    assertThat(state(WEB).failedRollout()).isEmpty();
  }
}

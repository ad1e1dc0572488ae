package io.ecsoperator.reconcilers.service;

import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.ecsoperator.reconcilers.service.rollout.DeploymentProgress;
import io.ecsoperator.reconcilers.service.rollout.TrackedDeployment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/**
 * Whether a service that matches its spec has also settled (DESIGN §5 R3): Ready only when the
 * PRIMARY deployment's rollout is COMPLETED and the desired tasks run. A rollout that FAILED (the
 * circuit breaker stopped it, or alarms did) stalls with AWS's latest service events. Pure.
 */
public final class ServiceReadiness {

  /** How many of the service's latest events a failed rollout reports. */
  static final int EVENTS_SHOWN = 3;

  private ServiceReadiness() {}

  /**
   * @param desiredTaskDefinition the revision the spec asks for; a failed rollout of another
   *     revision is history, not this spec's failure
   * @throws TerminalException reason RolloutFailed, when the rollout of that revision failed
   */
  public static Readiness of(EcsServiceState actual, String desiredTaskDefinition) {
    String name = actual.service().serviceName();
    if (!actual.active()) {
      return Readiness.waiting(
          "ServiceDraining",
          "service "
              + name
              + " is "
              + actual.status()
              + " after a deletion; it is created again once INACTIVE");
    }
    if (actual.rollout() != null && !actual.rollout().rolling()) {
      TrackedDeployment rollout = actual.rollout();
      Optional<Readiness> progress =
          DeploymentProgress.of(
              rollout.deployment(), rollout.context(), rollout.bakeEndsAt(), latestEvents(actual));
      if (progress.isPresent()) {
        return progress.get();
      }
    }
    Optional<Deployment> primary = actual.primary();
    Optional<Deployment> failed =
        actual
            .failedRollout()
            .filter(
                d ->
                    primary.map(p -> p.id().equals(d.id())).orElse(false)
                        || Objects.equals(d.taskDefinition(), desiredTaskDefinition));
    if (failed.isPresent()) {
      throw new TerminalException("RolloutFailed", failedMessage(actual, failed.get()));
    }
    String rollout = primary.map(Deployment::rolloutStateAsString).orElse(null);
    if (rollout != null && !"COMPLETED".equals(rollout)) {
      Deployment deployment = primary.get();
      return Readiness.waiting(
          "RolloutInProgress",
          "deployment "
              + deployment.id()
              + " is "
              + rollout
              + ": "
              + count(deployment.runningCount())
              + " of "
              + count(deployment.desiredCount())
              + " tasks running");
    }
    if (rollout == null && actual.service().deployments().size() > 1) {
      // CODE_DEPLOY and EXTERNAL deployments report no rollout state.
      return Readiness.waiting(
          "DeploymentInProgress",
          actual.service().deployments().size() + " deployments of service " + name + " active");
    }
    // More running than desired is a scale-in still stopping tasks: the desired ones run.
    if (actual.runningCount() < actual.desiredCount()) {
      return Readiness.waiting(
          "TasksStarting",
          actual.runningCount() + " of " + actual.desiredCount() + " tasks running");
    }
    return Readiness.READY;
  }

  /** The messages of the service's latest events. */
  static List<String> latestEvents(EcsServiceState actual) {
    return actual.service().events().stream()
        .limit(EVENTS_SHOWN)
        .map(ServiceEvent::message)
        .toList();
  }

  /** Why a rollout failed, with the service's latest events. */
  static String failedMessage(EcsServiceState actual, Deployment failed) {
    String events = String.join(" | ", latestEvents(actual));
    return "the rollout of "
        + failed.taskDefinition()
        + " failed ("
        + failed.id()
        + ", "
        + count(failed.failedTasks())
        + " failed tasks): "
        + failed.rolloutStateReason()
        + (events.isEmpty() ? "" : "; latest events: " + events)
        + "; it is not deployed again until the spec changes (a new task definition, or a new"
        + " restartedAt to retry)";
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }
}

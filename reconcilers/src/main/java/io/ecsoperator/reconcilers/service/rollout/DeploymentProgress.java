package io.ecsoperator.reconcilers.service.rollout;

import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.TerminalException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * Where a service deployment stands, as conditions (issue 11 §2): Reconciling with
 * RolloutInProgress (stage and traffic), Baking (until when), AwaitingApproval (which hook, how to
 * approve) or RollingBack; Stalled with RolloutRolledBack (why), RollbackFailed or RolloutStopped.
 * Empty once the deployment is SUCCESSFUL: the service's own checks decide then. Pure.
 */
public final class DeploymentProgress {

  private DeploymentProgress() {}

  /**
   * @param bakeEndsAt when the bake ends, if baking
   * @param events the service's latest events, for a rollback's why
   * @throws TerminalException when the deployment was rolled back, failed to roll back, or stopped
   */
  public static Optional<Readiness> of(
      ServiceDeployment deployment,
      RolloutContext context,
      String bakeEndsAt,
      List<String> events) {
    String status = deployment.statusAsString();
    String id = shortId(deployment.serviceDeploymentArn());
    switch (status == null ? "" : status) {
      case DeploymentStatuses.SUCCESSFUL:
        return Optional.empty();
      case "ROLLBACK_SUCCESSFUL":
        throw new TerminalException("RolloutRolledBack", rolledBack(deployment, events));
      case "ROLLBACK_FAILED":
        throw new TerminalException(
            "RollbackFailed",
            "deployment " + id + " could not roll back: " + why(deployment) + events(events));
      case "STOPPED":
        throw new TerminalException(
            "RolloutStopped", "deployment " + id + " stopped: " + why(deployment) + events(events));
      case "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS":
        return Optional.of(
            Readiness.waiting(
                "RollingBack", "deployment " + id + " rolls back: " + why(deployment)));
      default:
        return Optional.of(inProgress(deployment, context, bakeEndsAt));
    }
  }

  /** The hook the deployment waits on: a PAUSE hook awaiting action or a Lambda hook running. */
  public static Optional<DeploymentLifecycleHookDetail> pendingHook(ServiceDeployment deployment) {
    return deployment.lifecycleHookDetails().stream()
        .filter(
            h ->
                "AWAITING_ACTION".equals(h.statusAsString())
                    || "IN_PROGRESS".equals(h.statusAsString()))
        .findFirst();
  }

  /** Percent of production traffic the target revision is to get, where ECS says it. */
  public static Double productionTraffic(ServiceDeployment deployment) {
    return deployment.targetServiceRevision() == null
        ? null
        : deployment.targetServiceRevision().requestedProductionTrafficWeight();
  }

  /** The rollback's why: AWS's reason, the alarms that fired, the breaker's count. */
  public static String why(ServiceDeployment deployment) {
    StringBuilder why = new StringBuilder();
    if (deployment.rollback() != null && deployment.rollback().reason() != null) {
      why.append(deployment.rollback().reason());
    } else if (deployment.statusReason() != null) {
      why.append(deployment.statusReason());
    } else {
      why.append("no reason given");
    }
    if (deployment.alarms() != null && !deployment.alarms().triggeredAlarmNames().isEmpty()) {
      why.append("; alarms in ALARM: ")
          .append(String.join(", ", deployment.alarms().triggeredAlarmNames()));
    }
    if (deployment.deploymentCircuitBreaker() != null
        && "TRIGGERED".equals(deployment.deploymentCircuitBreaker().statusAsString())) {
      why.append("; circuit breaker: ")
          .append(deployment.deploymentCircuitBreaker().failureCount())
          .append(" failed tasks of ")
          .append(deployment.deploymentCircuitBreaker().threshold())
          .append(" allowed");
    }
    return why.toString();
  }

  public static String rolledBack(ServiceDeployment deployment, List<String> events) {
    return "deployment "
        + shortId(deployment.serviceDeploymentArn())
        + " was rolled back: "
        + why(deployment)
        + events(events)
        + "; it is not deployed again until the spec changes (a new task definition, or a new"
        + " restartedAt to retry)";
  }

  private static Readiness inProgress(
      ServiceDeployment deployment, RolloutContext context, String bakeEndsAt) {
    String id = shortId(deployment.serviceDeploymentArn());
    String stage = deployment.lifecycleStageAsString();
    Optional<DeploymentLifecycleHookDetail> hook = pendingHook(deployment);
    if (hook.isPresent() && "PAUSE".equals(hook.get().targetTypeAsString())) {
      DeploymentLifecycleHookDetail pause = hook.get();
      return Readiness.waiting(
          "AwaitingApproval",
          "deployment "
              + id
              + " paused at "
              + stage
              + ": hook "
              + pause.hookId()
              + " awaits approval until "
              + pause.expiresAt()
              + " (then "
              + pause.timeoutActionAsString()
              + "); approve with: kubectl annotate --overwrite <object> "
              + RolloutContext.APPROVE_ANNOTATION
              + "="
              + pause.hookId()
              + staleAnswer(context, pause.hookId()));
    }
    if ("BAKE_TIME".equals(stage)) {
      return Readiness.waiting(
          "Baking",
          "deployment " + id + " is baking" + (bakeEndsAt == null ? "" : " until " + bakeEndsAt));
    }
    Double traffic = productionTraffic(deployment);
    return Readiness.waiting(
        "RolloutInProgress",
        "deployment "
            + id
            + " is "
            + deployment.statusAsString()
            + (stage == null ? "" : " at " + stage)
            + (traffic == null
                ? ""
                : ", " + traffic + "% of production traffic on the new revision")
            + hook.map(h -> ", waiting for hook " + h.hookId() + " (" + h.targetArn() + ")")
                .orElse(""));
  }

  /** Says so when the approval annotation names another hook: it is ignored, never applied. */
  private static String staleAnswer(RolloutContext context, String hookId) {
    return context.approve() == null || context.approve().equals(hookId)
        ? ""
        : " (the annotation "
            + RolloutContext.APPROVE_ANNOTATION
            + "="
            + context.approve()
            + " names another hook and is ignored)";
  }

  private static String events(List<String> events) {
    return events.isEmpty()
        ? ""
        : "; latest events: " + events.stream().collect(Collectors.joining(" | "));
  }

  /** The deployment's ID, the last part of its ARN. */
  public static String shortId(String arn) {
    return arn == null ? "?" : arn.substring(arn.lastIndexOf('/') + 1);
  }
}

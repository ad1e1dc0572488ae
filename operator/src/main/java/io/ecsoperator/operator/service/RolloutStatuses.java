package io.ecsoperator.operator.service;

import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceStatus;
import io.ecsoperator.crds.service.PendingHook;
import io.ecsoperator.crds.service.RolloutStatus;
import io.ecsoperator.reconcilers.service.EcsServiceState;
import io.ecsoperator.reconcilers.service.rollout.DeploymentProgress;
import io.ecsoperator.reconcilers.service.rollout.RolloutContext;
import io.ecsoperator.reconcilers.service.rollout.TrackedDeployment;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * status.rollout from what the adapter saw, and back: what the status and the annotations tell the
 * next reconcile about the rollout. A deployment not read this time (nothing in flight) keeps what
 * the status already says of it.
 */
final class RolloutStatuses {

  private RolloutStatuses() {}

  static RolloutStatus of(EcsServiceState actual, RolloutStatus previous) {
    RolloutStatus rollout = new RolloutStatus();
    actual
        .primary()
        .ifPresent(
            primary -> {
              rollout.deploymentId = primary.id();
              rollout.rolloutState = primary.rolloutStateAsString();
              rollout.rolloutStateReason = primary.rolloutStateReason();
              rollout.failedTasks = primary.failedTasks();
            });
    TrackedDeployment tracked = actual.rollout();
    if (tracked != null) {
      tracked(tracked, rollout);
    } else if (previous != null
        && Objects.equals(
            previous.serviceDeploymentArn, actual.service().currentServiceDeployment())) {
      keep(previous, rollout);
    }
    return rollout.deploymentId == null && rollout.serviceDeploymentArn == null ? null : rollout;
  }

  /** What the next reconcile needs: the deployment tracked, and the annotations' answers. */
  static RolloutContext context(EcsService resource, EcsServiceStatus status) {
    RolloutStatus rollout = status == null ? null : status.rollout;
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return new RolloutContext(
        rollout == null ? null : rollout.serviceDeploymentArn,
        rollout == null ? null : rollout.status,
        rollout == null ? null : rollout.bakeEndsAt,
        annotations == null ? null : annotations.get(RolloutContext.APPROVE_ANNOTATION),
        annotations == null ? null : annotations.get(RolloutContext.ROLLBACK_ANNOTATION));
  }

  private static void tracked(TrackedDeployment tracked, RolloutStatus rollout) {
    ServiceDeployment deployment = tracked.deployment();
    rollout.strategy =
        deployment.deploymentConfiguration() == null
                || deployment.deploymentConfiguration().strategy() == null
            ? "ROLLING"
            : deployment.deploymentConfiguration().strategyAsString();
    rollout.serviceDeploymentArn = deployment.serviceDeploymentArn();
    rollout.status = deployment.statusAsString();
    rollout.statusReason = deployment.statusReason();
    rollout.lifecycleStage = tracked.ongoing() ? deployment.lifecycleStageAsString() : null;
    rollout.targetRevision =
        deployment.targetServiceRevision() == null
            ? null
            : deployment.targetServiceRevision().arn();
    rollout.productionTrafficPercent = DeploymentProgress.productionTraffic(deployment);
    rollout.bakeEndsAt = tracked.bakeEndsAt();
    rollout.rollbackReason =
        deployment.rollback() == null ? null : DeploymentProgress.why(deployment);
    rollout.pendingHook =
        DeploymentProgress.pendingHook(deployment)
            .filter(h -> tracked.ongoing())
            .map(
                h -> {
                  PendingHook hook = new PendingHook();
                  hook.hookId = h.hookId();
                  hook.targetType = h.targetTypeAsString();
                  hook.stage = deployment.lifecycleStageAsString();
                  hook.status = h.statusAsString();
                  hook.expiresAt = h.expiresAt() == null ? null : h.expiresAt().toString();
                  hook.timeoutAction = h.timeoutActionAsString();
                  return hook;
                })
            .orElse(null);
  }

  private static void keep(RolloutStatus previous, RolloutStatus rollout) {
    rollout.strategy = previous.strategy;
    rollout.serviceDeploymentArn = previous.serviceDeploymentArn;
    rollout.status = previous.status;
    rollout.statusReason = previous.statusReason;
    rollout.targetRevision = previous.targetRevision;
    rollout.productionTrafficPercent = previous.productionTrafficPercent;
    rollout.rollbackReason = previous.rollbackReason;
  }
}

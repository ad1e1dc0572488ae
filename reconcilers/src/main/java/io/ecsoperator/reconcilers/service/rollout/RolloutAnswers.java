package io.ecsoperator.reconcilers.service.rollout;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.Notice;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * Answers a running deployment as the object's annotations ask (issue 11 §3). An answer names the
 * hook or the deployment it is for, so one left on the object can never approve or roll back a
 * later deployment: it matches nothing there. Each answer is given once — afterwards the hook is no
 * longer awaiting, or the deployment no longer running — and recorded as an event.
 */
public final class RolloutAnswers {

  private RolloutAnswers() {}

  /** Calls ContinueServiceDeployment or StopServiceDeployment when an answer matches. */
  public static Optional<Notice> apply(AwsClients clients, TrackedDeployment tracked) {
    ServiceDeployment deployment = tracked.deployment();
    RolloutContext context = tracked.context();
    String arn = deployment.serviceDeploymentArn();
    String status = deployment.statusAsString();
    Optional<String> paused =
        DeploymentProgress.pendingHook(deployment)
            .filter(h -> "AWAITING_ACTION".equals(h.statusAsString()))
            .map(DeploymentLifecycleHookDetail::hookId);
    boolean running = "IN_PROGRESS".equals(status) || "PENDING".equals(status);
    if (context.rollback() != null && running) {
      if (paused.isPresent() && context.rollback().equals(paused.get())) {
        continueAt(clients, arn, paused.get(), "ROLLBACK");
        return Optional.of(
            Notice.warning(
                "RollbackRequested",
                "rolled back deployment "
                    + DeploymentProgress.shortId(arn)
                    + " at hook "
                    + paused.get()
                    + " as "
                    + RolloutContext.ROLLBACK_ANNOTATION
                    + " asks"));
      }
      if (context.rollback().equals(arn)) {
        clients
            .guard()
            .call(
                ApiCategory.ECS_SERVICE_MODIFY,
                () ->
                    clients
                        .ecs()
                        .stopServiceDeployment(
                            b -> b.serviceDeploymentArn(arn).stopType("ROLLBACK")));
        return Optional.of(
            Notice.warning(
                "RollbackRequested",
                "stopped deployment "
                    + DeploymentProgress.shortId(arn)
                    + " with a rollback as "
                    + RolloutContext.ROLLBACK_ANNOTATION
                    + " asks"));
      }
    }
    if (context.approve() != null
        && "IN_PROGRESS".equals(status)
        && paused.filter(context.approve()::equals).isPresent()) {
      continueAt(clients, arn, paused.get(), "CONTINUE");
      return Optional.of(
          Notice.normal(
              "RolloutApproved",
              "continued deployment "
                  + DeploymentProgress.shortId(arn)
                  + " at "
                  + deployment.lifecycleStageAsString()
                  + " (hook "
                  + paused.get()
                  + ") as "
                  + RolloutContext.APPROVE_ANNOTATION
                  + " asks"));
    }
    return Optional.empty();
  }

  private static void continueAt(AwsClients clients, String arn, String hookId, String action) {
    clients
        .guard()
        .call(
            ApiCategory.ECS_SERVICE_MODIFY,
            () ->
                clients
                    .ecs()
                    .continueServiceDeployment(
                        b -> b.serviceDeploymentArn(arn).hookId(hookId).action(action)));
  }
}

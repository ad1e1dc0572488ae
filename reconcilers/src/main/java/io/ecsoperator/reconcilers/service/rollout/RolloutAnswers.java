package io.ecsoperator.reconcilers.service.rollout;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.Notice;
import java.util.Optional;
import java.util.function.BiFunction;
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
    String id = DeploymentProgress.shortId(arn);
    if (context.rollback() != null && running) {
      if (paused.isPresent() && context.rollback().equals(paused.get())) {
        continueAt(clients, arn, paused.get(), "ROLLBACK");
        return answered(
            Notice::warning,
            "RollbackRequested",
            "rolled back deployment " + id + " at hook " + paused.get(),
            RolloutContext.ROLLBACK_ANNOTATION);
      }
      if (context.rollback().equals(arn)) {
        clients.ecsRun(
            ApiCategory.ECS_SERVICE_MODIFY,
            ecs ->
                ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(arn).stopType("ROLLBACK")));
        return answered(
            Notice::warning,
            "RollbackRequested",
            "stopped deployment " + id + " with a rollback",
            RolloutContext.ROLLBACK_ANNOTATION);
      }
    }
    if (context.approve() != null
        && "IN_PROGRESS".equals(status)
        && paused.filter(context.approve()::equals).isPresent()) {
      continueAt(clients, arn, paused.get(), "CONTINUE");
      return answered(
          Notice::normal,
          "RolloutApproved",
          "continued deployment "
              + id
              + " at "
              + deployment.lifecycleStageAsString()
              + " (hook "
              + paused.get()
              + ")",
          RolloutContext.APPROVE_ANNOTATION);
    }
    return Optional.empty();
  }

  private static Optional<Notice> answered(
      BiFunction<String, String, Notice> kind, String reason, String what, String annotation) {
    return Optional.of(kind.apply(reason, what + " as " + annotation + " asks"));
  }

  private static void continueAt(AwsClients clients, String arn, String hookId, String action) {
    clients.ecsRun(
        ApiCategory.ECS_SERVICE_MODIFY,
        ecs ->
            ecs.continueServiceDeployment(
                b -> b.serviceDeploymentArn(arn).hookId(hookId).action(action)));
  }
}

package io.ecsoperator.reconcilers.service.rollout;

import java.time.Instant;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * The service deployment a service runs, as DescribeServiceDeployments reports it, with what the
 * object says about it.
 *
 * @param deployment the service deployment
 * @param bakeEndsAt when its bake ends (RFC 3339), if it is baking: kept from the status while the
 *     same deployment bakes, else counted from now (ECS does not report when a stage began)
 * @param context the object's status and annotations about its rollout
 */
public record TrackedDeployment(
    ServiceDeployment deployment, String bakeEndsAt, RolloutContext context) {

  public static TrackedDeployment of(
      ServiceDeployment deployment, RolloutContext context, Instant now) {
    return new TrackedDeployment(deployment, bakeEndsAt(deployment, context, now), context);
  }

  /** ROLLING deployments report no stages: the service's deployments say how they go. */
  public boolean rolling() {
    return deployment.deploymentConfiguration() == null
        || deployment.deploymentConfiguration().strategy() == null
        || "ROLLING".equals(deployment.deploymentConfiguration().strategyAsString());
  }

  /** PENDING or IN_PROGRESS: a newer deployment would stop it rather than wait for it. */
  public boolean supersedable() {
    String status = deployment.statusAsString();
    return "PENDING".equals(status) || "IN_PROGRESS".equals(status);
  }

  public boolean ongoing() {
    return DeploymentStatuses.ongoing(deployment.statusAsString());
  }

  private static String bakeEndsAt(
      ServiceDeployment deployment, RolloutContext context, Instant now) {
    if (!"BAKE_TIME".equals(deployment.lifecycleStageAsString())) {
      return null;
    }
    if (deployment.serviceDeploymentArn().equals(context.trackedArn())
        && context.bakeEndsAt() != null) {
      return context.bakeEndsAt();
    }
    Integer minutes =
        deployment.deploymentConfiguration() == null
            ? null
            : deployment.deploymentConfiguration().bakeTimeInMinutes();
    return now.plusSeconds(60L * (minutes == null ? 0 : minutes)).toString();
  }
}

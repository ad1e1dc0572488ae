package io.ecsoperator.reconcilers.service.rollout;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * Reads the service deployment a blue/green, linear or canary service runs (its
 * currentServiceDeployment), by ARN, never "the latest" (ECS can start two for one update), and
 * only while there is something to learn: a deployment the status has not seen, or one it saw
 * unfinished. A service whose deployment the status saw finish, and a ROLLING service (its
 * deployments in DescribeServices say how it goes), cost no read beyond DescribeServices.
 */
public final class DeploymentTracker {

  private DeploymentTracker() {}

  public static boolean needsRead(Service service, RolloutContext context) {
    String current = service.currentServiceDeployment();
    if (current == null || rolling(service)) {
      return false;
    }
    return !current.equals(context.trackedArn())
        || context.trackedStatus() == null
        || DeploymentStatuses.ongoing(context.trackedStatus());
  }

  private static boolean rolling(Service service) {
    return service.deploymentConfiguration() == null
        || service.deploymentConfiguration().strategy() == null
        || "ROLLING".equals(service.deploymentConfiguration().strategyAsString());
  }

  public static Optional<ServiceDeployment> read(AwsClients clients, String serviceDeploymentArn) {
    return clients
        .ecsCall(
            ApiCategory.ECS_SERVICE_READ,
            ecs ->
                ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(serviceDeploymentArn)))
        .serviceDeployments()
        .stream()
        .findFirst();
  }
}

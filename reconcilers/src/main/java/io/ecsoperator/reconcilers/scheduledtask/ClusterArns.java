package io.ecsoperator.reconcilers.scheduledtask;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Cluster;

/** A cluster's ARN from its name or ARN: Scheduler's ECS target is the cluster's ARN. */
public final class ClusterArns {

  private ClusterArns() {}

  /** The ARN of an ACTIVE cluster; empty when there is none of that name. */
  public static Optional<String> of(AwsClients clients, String nameOrArn) {
    if (nameOrArn.startsWith("arn:")) {
      return Optional.of(nameOrArn);
    }
    return clients
        .ecsCall(
            ApiCategory.ECS_CLUSTER_READ, ecs -> ecs.describeClusters(r -> r.clusters(nameOrArn)))
        .clusters()
        .stream()
        .filter(c -> "ACTIVE".equals(c.status()))
        .map(Cluster::clusterArn)
        .findFirst();
  }
}

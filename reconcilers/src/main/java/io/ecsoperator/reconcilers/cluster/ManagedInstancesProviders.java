package io.ecsoperator.reconcilers.cluster;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.TerminalException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;

/**
 * The Managed Instances providers among capacity provider names, with the cluster each belongs to.
 * Such a provider belongs to its cluster from creation and PutClusterCapacityProviders refuses it
 * ("Cannot associate Managed Instances capacity provider to clusters using this API"), so a
 * cluster's diff neither adds nor removes it: it is never sent and never counted as drift.
 * DescribeCapacityProviders tells them apart by type and cluster.
 *
 * @param clusterByProvider the cluster name of each Managed Instances provider, by provider name
 */
record ManagedInstancesProviders(Map<String, String> clusterByProvider) {

  static final ManagedInstancesProviders NONE = new ManagedInstancesProviders(Map.of());

  private static final List<String> FARGATE = List.of("FARGATE", "FARGATE_SPOT");

  /** One DescribeCapacityProviders call for the names, none when only Fargate is named. */
  static ManagedInstancesProviders among(AwsClients clients, Collection<String> names) {
    List<String> asked = names.stream().filter(n -> !FARGATE.contains(n)).distinct().toList();
    if (asked.isEmpty()) {
      return NONE;
    }
    List<CapacityProvider> described =
        clients
            .ecsCall(
                ApiCategory.ECS_CLUSTER_READ,
                ecs -> ecs.describeCapacityProviders(r -> r.capacityProviders(asked)))
            .capacityProviders();
    return new ManagedInstancesProviders(
        described.stream()
            .filter(p -> "MANAGED_INSTANCES".equals(p.typeAsString()) && p.cluster() != null)
            .collect(
                Collectors.toMap(
                    CapacityProvider::name,
                    p -> p.cluster().substring(p.cluster().lastIndexOf('/') + 1),
                    (a, b) -> a)));
  }

  /** Stalls a spec that asks to associate a Managed Instances provider with the cluster. */
  void refuseListed(List<String> desired, String clusterName) {
    desired.stream()
        .filter(clusterByProvider::containsKey)
        .findFirst()
        .ifPresent(
            name -> {
              throw new TerminalException(
                  "ManagedInstancesProviderListed",
                  "capacity provider "
                      + name
                      + " is a Managed Instances provider of cluster "
                      + clusterByProvider.get(name)
                      + ": it belongs to that cluster from its creation and"
                      + " PutClusterCapacityProviders cannot associate it; remove it from the"
                      + " capacityProviders of cluster "
                      + clusterName);
            });
  }

  /** AWS's list without the Managed Instances providers of this cluster. */
  List<String> withoutOwnedBy(List<String> providers, String clusterName) {
    return providers.stream().filter(p -> !clusterName.equals(clusterByProvider.get(p))).toList();
  }
}

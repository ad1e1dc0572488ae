package io.ecsoperator.reconcilers.cluster;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;

/**
 * An ECS cluster as AWS reports it, in the forms the diff compares: settings by name, capacity
 * providers sorted, the default strategy as sorted items with AWS's zero defaults filled in.
 *
 * @param configuration as AWS reports it; null when the cluster has none
 * @param serviceConnectNamespace the default Service Connect namespace as AWS reports it (an ARN in
 *     AWS); null when the cluster has none
 * @param serviceConnectNamespaceName the name that namespace was set by, when known (see {@link
 *     NamespaceName}); null when unknown
 * @param attachmentsStatus status of the capacity provider attachments; null when not reported
 */
public record EcsClusterState(
    String clusterName,
    String arn,
    String status,
    int registeredContainerInstancesCount,
    int runningTasksCount,
    int pendingTasksCount,
    int activeServicesCount,
    Map<String, String> settings,
    ClusterConfiguration configuration,
    List<String> capacityProviders,
    List<StrategyItem> defaultCapacityProviderStrategy,
    String serviceConnectNamespace,
    String serviceConnectNamespaceName,
    String attachmentsStatus,
    Map<String, String> tags) {

  public EcsClusterState {
    settings = Map.copyOf(settings);
    capacityProviders = List.copyOf(capacityProviders);
    defaultCapacityProviderStrategy = List.copyOf(defaultCapacityProviderStrategy);
    tags = Map.copyOf(tags);
  }

  /** The same cluster, with the name its Service Connect namespace was set by. */
  public EcsClusterState withServiceConnectNamespaceName(String name) {
    return new EcsClusterState(
        clusterName,
        arn,
        status,
        registeredContainerInstancesCount,
        runningTasksCount,
        pendingTasksCount,
        activeServicesCount,
        settings,
        configuration,
        capacityProviders,
        defaultCapacityProviderStrategy,
        serviceConnectNamespace,
        name,
        attachmentsStatus,
        tags);
  }

  /**
   * One provider of a capacity provider strategy; an omitted weight or base is AWS's 0.
   *
   * @param capacityProvider short name of the provider
   */
  public record StrategyItem(String capacityProvider, int weight, int base)
      implements Comparable<StrategyItem> {

    /** An item as the spec or AWS gives it: a missing weight or base is 0. */
    public static StrategyItem of(String capacityProvider, Integer weight, Integer base) {
      return new StrategyItem(
          capacityProvider, weight == null ? 0 : weight, base == null ? 0 : base);
    }

    @Override
    public int compareTo(StrategyItem other) {
      return capacityProvider.compareTo(other.capacityProvider);
    }

    @Override
    public String toString() {
      return capacityProvider + "(weight=" + weight + ", base=" + base + ")";
    }
  }
}

package io.ecsoperator.reconcilers.cluster;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.cluster.EcsClusterState.StrategyItem;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;

/** Reads one cluster from ECS with a single DescribeClusters call (tags included). */
public final class EcsClusterReader {

  /** What DescribeClusters leaves out unless asked. */
  static final List<ClusterField> INCLUDE =
      List.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS, ClusterField.TAGS);

  private EcsClusterReader() {}

  /** The cluster, or null when it does not exist or is INACTIVE (deleted). */
  public static EcsClusterState read(AwsClients clients, String name) {
    DescribeClustersResponse response =
        clients
            .guard()
            .call(
                ApiCategory.ECS_CLUSTER_READ,
                () -> clients.ecs().describeClusters(r -> r.clusters(name).include(INCLUDE)));
    Cluster cluster =
        response.clusters().stream()
            .filter(c -> name.equals(c.clusterName()))
            .findFirst()
            .orElse(null);
    if (cluster == null) {
      List<Failure> unexpected =
          response.failures().stream().filter(f -> !"MISSING".equals(f.reason())).toList();
      if (!unexpected.isEmpty()) {
        Failure failure = unexpected.get(0);
        throw new IllegalStateException(
            "DescribeClusters failed for "
                + failure.arn()
                + ": "
                + failure.reason()
                + (failure.detail() == null ? "" : " (" + failure.detail() + ")"));
      }
      return null;
    }
    return "INACTIVE".equals(cluster.status()) ? null : of(cluster);
  }

  /** The state of a cluster as ECS describes it. */
  static EcsClusterState of(Cluster cluster) {
    Map<String, String> settings =
        cluster.settings().stream()
            .filter(s -> s.nameAsString() != null && s.value() != null)
            .collect(
                Collectors.toMap(
                    ClusterSetting::nameAsString,
                    ClusterSetting::value,
                    (a, b) -> b,
                    TreeMap::new));
    List<String> providers = cluster.capacityProviders().stream().sorted().distinct().toList();
    List<StrategyItem> strategy =
        cluster.defaultCapacityProviderStrategy().stream()
            .map(i -> StrategyItem.of(i.capacityProvider(), i.weight(), i.base()))
            .sorted()
            .toList();
    String namespace =
        cluster.serviceConnectDefaults() == null
                || cluster.serviceConnectDefaults().namespace() == null
                || cluster.serviceConnectDefaults().namespace().isEmpty()
            ? null
            : cluster.serviceConnectDefaults().namespace();
    Map<String, String> tags = EcsTags.of(cluster.tags());
    return new EcsClusterState(
        cluster.clusterName(),
        cluster.clusterArn(),
        cluster.status(),
        zeroIfNull(cluster.registeredContainerInstancesCount()),
        zeroIfNull(cluster.runningTasksCount()),
        zeroIfNull(cluster.pendingTasksCount()),
        zeroIfNull(cluster.activeServicesCount()),
        settings,
        cluster.configuration(),
        providers,
        strategy,
        namespace,
        NamespaceName.resolve(namespace, null),
        cluster.attachmentsStatus(),
        tags);
  }

  private static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }
}

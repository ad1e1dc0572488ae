package io.ecsoperator.reconcilers.cluster;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.BatchedReader;
import io.ecsoperator.reconcilers.aws.EcsFailures;
import io.ecsoperator.reconcilers.cluster.EcsClusterState.StrategyItem;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

/**
 * Reads clusters from ECS with DescribeClusters (tags included): one at a time, or up to 100 of a
 * region in one call through a {@link BatchedReader} shared by the drift checks of a region's
 * clusters.
 */
public final class EcsClusterReader {

  /** DescribeClusters takes up to 100 clusters. */
  public static final int BATCH = 100;

  /** What DescribeClusters leaves out unless asked. */
  static final List<ClusterField> INCLUDE =
      List.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS, ClusterField.TAGS);

  private EcsClusterReader() {}

  /** The cluster, or null when it does not exist or is INACTIVE (deleted). */
  public static EcsClusterState read(AwsClients clients, String name) {
    return describe(clients, List.of(name)).get(name);
  }

  /**
   * The reader the drift checks of a region's clusters share: by region (null for the default),
   * then by name; answers at most {@code maxAge} old.
   */
  public static BatchedReader<String, EcsClusterState> batched(
      AwsClientFactory aws, Duration maxAge) {
    return new BatchedReader<>(
        BATCH, (region, names) -> describe(aws.forRegion(region), names), maxAge, System::nanoTime);
  }

  /** The clusters that exist and are not INACTIVE (deleted), by name. */
  private static Map<String, EcsClusterState> describe(AwsClients clients, List<String> names) {
    DescribeClustersResponse response =
        clients.ecsCall(
            ApiCategory.ECS_CLUSTER_READ,
            ecs -> ecs.describeClusters(r -> r.clusters(names).include(INCLUDE)));
    EcsFailures.requireOnlyMissing("DescribeClusters", response.failures());
    Map<String, EcsClusterState> found = new HashMap<>();
    response.clusters().stream()
        .filter(c -> names.contains(c.clusterName()) && !"INACTIVE".equals(c.status()))
        .forEach(c -> found.put(c.clusterName(), of(c)));
    return found;
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

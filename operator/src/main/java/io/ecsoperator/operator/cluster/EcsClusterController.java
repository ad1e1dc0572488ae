package io.ecsoperator.operator.cluster;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.crds.cluster.EcsClusterStatus;
import io.ecsoperator.operator.account.PerAccount;
import io.ecsoperator.operator.capacityprovider.ProviderReferences;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.reconcilers.aws.BatchedReader;
import io.ecsoperator.reconcilers.cluster.EcsClusterReader;
import io.ecsoperator.reconcilers.cluster.EcsClusterState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Objects;

/**
 * Reconciles EcsCluster objects. The drift checks of a region's clusters come at one instant and
 * share DescribeClusters calls of up to 100 clusters. The EcsCapacityProvider objects a cluster
 * refers to are watched; until each is Ready the cluster is kept without its providers and waits.
 */
@ControllerConfiguration(name = "ecscluster")
public final class EcsClusterController
    extends ManagedResourceController<
        EcsCluster, EcsClusterSpec, EcsClusterStatus, EcsClusterState> {

  private final PerAccount<BatchedReader<String, EcsClusterState>> readers;
  private ProviderReferences<EcsCluster> providers;

  public EcsClusterController(ControllerWiring wiring) {
    super(wiring, EcsClusterStatus::new);
    this.readers =
        new PerAccount<>(aws -> EcsClusterReader.batched(aws, settings.progressInterval()));
  }

  @Override
  protected List<EventSource<?, EcsCluster>> kindEventSources(
      EventSourceContext<EcsCluster> context) {
    providers = ProviderReferences.watch(context, ProviderReferences::of);
    return List.of(providers.eventSource());
  }

  @Override
  protected ResourceAdapter<EcsClusterSpec, EcsClusterState> adapter(EcsCluster resource) {
    var aws = aws(resource);
    return EcsClusterAdapters.forObject(
        aws,
        readers.of(aws),
        !seenBefore(resource),
        resource,
        resource.isMarkedForDeletion()
            ? providers.knownNames(resource)
            : providers.readyNamesOrWhyNot(resource));
  }

  @Override
  protected String driftCheckGroup(EcsCluster resource) {
    return driftCheckGroup(region(resource));
  }

  /** The drift-check group of the clusters of a region. */
  public static String driftCheckGroup(String region) {
    return "clusters/" + region;
  }

  @Override
  protected void copyObserved(EcsClusterState actual, EcsClusterStatus status) {
    status.arn = actual.arn();
    status.status = actual.status();
    status.registeredContainerInstancesCount = actual.registeredContainerInstancesCount();
    status.runningTasksCount = actual.runningTasksCount();
    status.pendingTasksCount = actual.pendingTasksCount();
    status.activeServicesCount = actual.activeServicesCount();
    status.serviceConnectNamespace = actual.serviceConnectNamespace();
    // Only worth keeping when AWS reports something else than the name (an ARN).
    status.serviceConnectNamespaceName =
        Objects.equals(actual.serviceConnectNamespaceName(), actual.serviceConnectNamespace())
            ? null
            : actual.serviceConnectNamespaceName();
  }
}

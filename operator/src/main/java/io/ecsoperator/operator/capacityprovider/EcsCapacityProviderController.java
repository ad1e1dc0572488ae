package io.ecsoperator.operator.capacityprovider;

import io.ecsoperator.crds.capacityprovider.EcsCapacityProvider;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderStatus;
import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.crds.task.EcsScheduledTask;
import io.ecsoperator.operator.cluster.ClusterReferences;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.DependencyNotReadyException;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.operator.controller.ReferenceWatch;
import io.ecsoperator.reconcilers.capacityprovider.EcsCapacityProviderAdapter;
import io.ecsoperator.reconcilers.capacityprovider.EcsCapacityProviderState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reconciles EcsCapacityProvider objects. The EcsCluster of a clusterRef is watched: a provider
 * whose EcsCluster does not exist yet waits and goes on once it does. Deleting a provider that
 * clusters, services or scheduled tasks of its namespace refer to waits for them (ProviderInUse);
 * one-off tasks do not hold it, as a finished one may be kept for good.
 */
@ControllerConfiguration(name = "ecscapacityprovider")
public final class EcsCapacityProviderController
    extends ManagedResourceController<
        EcsCapacityProvider,
        EcsCapacityProviderSpec,
        EcsCapacityProviderStatus,
        EcsCapacityProviderState> {

  private final KubernetesClient client;
  private ReferenceWatch<EcsCluster, EcsCapacityProvider> clusters;

  public EcsCapacityProviderController(ControllerWiring wiring) {
    super(wiring, EcsCapacityProviderStatus::new);
    this.client = wiring.client();
  }

  /** The EcsCluster of a clusterRef, watched: a provider waiting for it goes on at once. */
  @Override
  protected List<EventSource<?, EcsCapacityProvider>> kindEventSources(
      EventSourceContext<EcsCapacityProvider> context) {
    clusters = ClusterReferences.watch(context, spec -> spec.clusterRef);
    return List.of(clusters.eventSource());
  }

  @Override
  protected ResourceAdapter<EcsCapacityProviderSpec, EcsCapacityProviderState> adapter(
      EcsCapacityProvider resource) {
    EcsCapacityProviderAdapter adapter =
        EcsCapacityProviderAdapters.forObject(aws(resource), resource, cluster(resource));
    return resource.isMarkedForDeletion() ? adapter.usedBy(users(resource)) : adapter;
  }

  /**
   * The clusters, services and scheduled tasks of the provider's namespace that refer to it
   * ("EcsService web"), listed when deleting only, so nothing needs watching.
   */
  private List<String> users(EcsCapacityProvider resource) {
    String namespace = resource.getMetadata().getNamespace();
    String name = resource.getMetadata().getName();
    return Stream.of(
            referring(namespace, EcsCluster.class, ProviderReferences::of, name),
            referring(namespace, EcsService.class, ProviderReferences::of, name),
            referring(namespace, EcsScheduledTask.class, ProviderReferences::of, name))
        .flatMap(s -> s)
        .toList();
  }

  private <U extends HasMetadata> Stream<String> referring(
      String namespace,
      Class<U> kind,
      Function<U, List<LocalObjectReference>> references,
      String name) {
    return client.resources(kind).inNamespace(namespace).list().getItems().stream()
        .filter(u -> references.apply(u).stream().anyMatch(ref -> name.equals(ref.name)))
        .map(u -> kind.getSimpleName() + " " + u.getMetadata().getName())
        .sorted();
  }

  @Override
  protected void copyObserved(EcsCapacityProviderState actual, EcsCapacityProviderStatus status) {
    status.arn = actual.arn();
    status.status = actual.status();
    status.updateStatus = actual.updateStatus();
    status.updateStatusReason = actual.updateStatusReason();
  }

  /** spec.cluster, or the AWS name of the referenced EcsCluster. */
  private String cluster(EcsCapacityProvider resource) {
    EcsCapacityProviderSpec spec = resource.getSpec();
    if (spec.clusterRef == null) {
      return spec.cluster;
    }
    EcsCluster cluster =
        clusters
            .get(resource, spec.clusterRef)
            .orElseThrow(
                () ->
                    new DependencyNotReadyException(
                        "EcsCluster " + spec.clusterRef.name + " does not exist"));
    return cluster.clusterName();
  }
}

package io.ecsoperator.operator.capacityprovider;

import io.ecsoperator.crds.capacityprovider.EcsCapacityProvider;
import io.ecsoperator.crds.cluster.CapacityProviderStrategyItem;
import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.crds.task.EcsScheduledTask;
import io.ecsoperator.crds.task.EcsTask;
import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.operator.controller.DependencyNotReadyException;
import io.ecsoperator.operator.controller.ReferenceWatch;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The EcsCapacityProvider objects that objects of another kind (clusters, services, tasks) refer
 * to, watched so that a provider going Ready reconciles them at once, and resolved to their AWS
 * names.
 *
 * @param <P> the kind of the referring objects
 */
public final class ProviderReferences<P extends HasMetadata> {

  private static final String KIND = "EcsCapacityProvider";

  private final ReferenceWatch<EcsCapacityProvider, P> watch;
  private final Function<P, List<LocalObjectReference>> references;

  private ProviderReferences(
      ReferenceWatch<EcsCapacityProvider, P> watch,
      Function<P, List<LocalObjectReference>> references) {
    this.watch = watch;
    this.references = references;
  }

  /**
   * @param references the provider objects an object refers to (none: empty)
   */
  public static <P extends HasMetadata> ProviderReferences<P> watch(
      EventSourceContext<P> context, Function<P, List<LocalObjectReference>> references) {
    return new ProviderReferences<>(
        ReferenceWatch.of(
            context, EcsCapacityProvider.class, "capacityProviderRef", references, p -> null),
        references);
  }

  public EventSource<EcsCapacityProvider, P> eventSource() {
    return watch.eventSource();
  }

  /**
   * The AWS names of the providers the object refers to, once each is Ready.
   *
   * @throws DependencyNotReadyException while one is missing or not Ready
   */
  public ProviderNames readyNames(P resource) {
    return names(resource, ref -> watch.ready(resource, ref, KIND).providerName());
  }

  /** The same, or why they cannot all be used yet. */
  public ProviderNames readyNamesOrWhyNot(P resource) {
    try {
      return readyNames(resource);
    } catch (DependencyNotReadyException notReady) {
      return ProviderNames.notReady(notReady.getMessage());
    }
  }

  /**
   * The AWS names as far as they are known, Ready or not, for observing while waiting or deleting:
   * a provider object that is gone is taken to have its default name, its metadata.name.
   */
  public ProviderNames knownNames(P resource) {
    return names(
        resource,
        ref -> watch.get(resource, ref).map(EcsCapacityProvider::providerName).orElse(ref.name));
  }

  /** The EcsCapacityProvider objects of a cluster's providers and default strategy. */
  public static List<LocalObjectReference> of(EcsCluster cluster) {
    EcsClusterSpec spec = cluster.getSpec();
    if (spec == null) {
      return List.of();
    }
    return Stream.concat(
            Stream.ofNullable(spec.capacityProviderRefs).flatMap(List::stream),
            strategyRefs(spec.defaultCapacityProviderStrategy))
        .toList();
  }

  /** The EcsCapacityProvider objects of a service's strategy. */
  public static List<LocalObjectReference> of(EcsService service) {
    return service.getSpec() == null
        ? List.of()
        : strategyRefs(service.getSpec().capacityProviderStrategy).toList();
  }

  /** The EcsCapacityProvider objects of a task's strategy. */
  public static List<LocalObjectReference> of(EcsTask task) {
    return task.getSpec() == null ? List.of() : of(task.getSpec().task);
  }

  /** The EcsCapacityProvider objects of a scheduled task's strategy. */
  public static List<LocalObjectReference> of(EcsScheduledTask task) {
    return task.getSpec() == null ? List.of() : of(task.getSpec().task);
  }

  private static List<LocalObjectReference> of(TaskTemplate task) {
    return task == null ? List.of() : strategyRefs(task.capacityProviderStrategy).toList();
  }

  private static Stream<LocalObjectReference> strategyRefs(
      List<CapacityProviderStrategyItem> strategy) {
    return Stream.ofNullable(strategy)
        .flatMap(List::stream)
        .map(i -> i.capacityProviderRef)
        .filter(Objects::nonNull);
  }

  private ProviderNames names(P resource, Function<LocalObjectReference, String> name) {
    Map<String, String> byObjectName = new HashMap<>();
    references.apply(resource).forEach(ref -> byObjectName.put(ref.name, name.apply(ref)));
    return new ProviderNames(byObjectName);
  }
}

package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Objects of one kind that objects of another refer to by name in their namespace, watched: a
 * change of one reconciles the objects referring to it within seconds, found through an index of
 * the referring objects by reference, and only when the change matters to them ({@link
 * DependencyChange}).
 *
 * @param <D> the kind referred to
 * @param <P> the kind of the referring (primary) objects
 */
public final class ReferenceWatch<
    D extends CustomResource<?, ? extends ManagedStatus>, P extends HasMetadata> {

  private final InformerEventSource<D, P> source;

  private ReferenceWatch(InformerEventSource<D, P> source) {
    this.source = source;
  }

  /**
   * Indexes the primary objects by what they refer to and watches the objects referred to.
   *
   * @param name names the index and the event source; unique per controller
   * @param references the references of a primary object to objects of the kind (none: empty)
   * @param output what a referring object reads from the status beyond readiness (null: nothing)
   */
  public static <D extends CustomResource<?, ? extends ManagedStatus>, P extends HasMetadata>
      ReferenceWatch<D, P> of(
          EventSourceContext<P> context,
          Class<D> kind,
          String name,
          Function<P, List<LocalObjectReference>> references,
          Function<D, Object> output) {
    context
        .getPrimaryCache()
        .addIndexers(
            Map.of(
                name,
                primary ->
                    references.apply(primary).stream()
                        .map(ref -> key(primary.getMetadata().getNamespace(), ref.name))
                        .distinct()
                        .toList()));
    Function<D, Set<ResourceID>> referring =
        dependency ->
            context
                .getPrimaryCache()
                .byIndex(
                    name,
                    key(
                        dependency.getMetadata().getNamespace(),
                        dependency.getMetadata().getName()))
                .stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    return new ReferenceWatch<>(
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(kind, context.getPrimaryResourceClass())
                .withName(name)
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(referring::apply)
                .withOnUpdateFilter(
                    (updated, previous) -> DependencyChange.matters(updated, previous, output))
                .build(),
            context));
  }

  /** The references of objects whose spec has one field referring to the kind, e.g. clusterRef. */
  public static <S, P extends CustomResource<S, ?>> Function<P, List<LocalObjectReference>> field(
      Function<S, LocalObjectReference> field) {
    return primary ->
        Stream.ofNullable(primary.getSpec()).map(field).filter(Objects::nonNull).toList();
  }

  /** The event source to register with the controller. */
  public InformerEventSource<D, P> eventSource() {
    return source;
  }

  /** The referred object as last seen, if it exists. */
  public Optional<D> get(P referring, LocalObjectReference ref) {
    return source.get(new ResourceID(ref.name, referring.getMetadata().getNamespace()));
  }

  /**
   * The referred object, when it exists and is Ready at its current generation.
   *
   * @throws DependencyNotReadyException otherwise
   */
  public D ready(P referring, LocalObjectReference ref, String kindName) {
    return ReadyDependency.require(get(referring, ref), kindName, ref.name);
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}

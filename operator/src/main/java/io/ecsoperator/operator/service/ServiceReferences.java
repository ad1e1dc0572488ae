package io.ecsoperator.operator.service;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.operator.controller.DependencyNotReadyException;
import io.ecsoperator.operator.controller.ReadyDependency;
import io.ecsoperator.reconcilers.service.TaskDefinitionRevisions;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The EcsCluster and EcsTaskDefinition objects services refer to. They are watched: a change of one
 * (a new revision, Ready at last) reconciles the services referring to it within seconds, found
 * through an index of the services by reference. A service waits (WaitingForDependency) while a
 * referenced object is missing or not Ready at its generation.
 */
final class ServiceReferences {

  private static final String BY_CLUSTER_REF = "clusterRef";
  private static final String BY_TASK_DEFINITION_REF = "taskDefinitionRef";

  private final TaskDefinitionRevisions revisions;
  private InformerEventSource<EcsCluster, EcsService> clusters;
  private InformerEventSource<EcsTaskDefinition, EcsService> taskDefinitions;

  ServiceReferences(TaskDefinitionRevisions revisions) {
    this.revisions = revisions;
  }

  /** Indexes the services by reference and watches the objects they refer to. */
  List<EventSource<?, EcsService>> eventSources(EventSourceContext<EcsService> context) {
    context
        .getPrimaryCache()
        .addIndexers(
            Map.of(
                BY_CLUSTER_REF, s -> referenceKeys(s, spec -> spec.clusterRef),
                BY_TASK_DEFINITION_REF, s -> referenceKeys(s, spec -> spec.taskDefinitionRef)));
    clusters = watch(context, EcsCluster.class, BY_CLUSTER_REF, cluster -> null);
    taskDefinitions =
        watch(
            context,
            EcsTaskDefinition.class,
            BY_TASK_DEFINITION_REF,
            td -> td.getStatus() == null ? null : td.getStatus().taskDefinitionArn);
    return List.of(clusters, taskDefinitions);
  }

  /** spec.cluster, or the name of the referenced EcsCluster once it is Ready. */
  String cluster(EcsService resource) {
    LocalObjectReference ref = resource.getSpec().clusterRef;
    if (ref == null) {
      return resource.getSpec().cluster;
    }
    return ready(clusters, resource, ref, "EcsCluster").clusterName();
  }

  /**
   * spec.cluster, or the name of the referenced EcsCluster whether Ready or not; empty when the
   * referenced EcsCluster does not exist.
   */
  Optional<String> knownCluster(EcsService resource) {
    LocalObjectReference ref = resource.getSpec().clusterRef;
    if (ref == null) {
      return Optional.ofNullable(resource.getSpec().cluster);
    }
    return clusters.get(id(resource, ref)).map(EcsCluster::clusterName);
  }

  /**
   * The cluster to delete the service from: as for reconciling (without waiting for the referenced
   * EcsCluster to be Ready), else the one AWS reported (the referenced EcsCluster may be gone by
   * now); null when unknown.
   */
  String clusterForDeletion(EcsService resource) {
    return knownCluster(resource)
        .orElseGet(() -> resource.getStatus() == null ? null : resource.getStatus().clusterArn);
  }

  /**
   * The revision ARN of spec.taskDefinition, or the current revision of the referenced
   * EcsTaskDefinition once it is Ready.
   */
  String taskDefinition(EcsService resource) {
    EcsServiceSpec spec = resource.getSpec();
    LocalObjectReference ref = spec.taskDefinitionRef;
    if (ref == null) {
      return revisions
          .revisionArn(spec.region, spec.taskDefinition)
          .orElseThrow(
              () ->
                  new DependencyNotReadyException(
                      "task definition " + spec.taskDefinition + " does not exist in AWS"));
    }
    EcsTaskDefinition taskDefinition = ready(taskDefinitions, resource, ref, "EcsTaskDefinition");
    String arn = taskDefinition.getStatus().taskDefinitionArn;
    if (arn == null) {
      throw new DependencyNotReadyException(
          "EcsTaskDefinition " + ref.name + " has no registered revision yet");
    }
    return arn;
  }

  /** The referenced object, when it exists and is Ready at its current generation. */
  private static <D extends CustomResource<?, ? extends ManagedStatus>> D ready(
      InformerEventSource<D, EcsService> source,
      EcsService resource,
      LocalObjectReference ref,
      String kind) {
    return ReadyDependency.require(source.get(id(resource, ref)), kind, ref.name);
  }

  /**
   * Watches objects of a kind, mapped to the services of their namespace referring to them; an
   * update reconciles them only when it changes what they read from the object ({@link
   * DependencyChange}).
   *
   * @param output what a service reads from the object's status beyond its readiness
   */
  private static <D extends CustomResource<?, ? extends ManagedStatus>>
      InformerEventSource<D, EcsService> watch(
          EventSourceContext<EcsService> context,
          Class<D> kind,
          String index,
          Function<D, Object> output) {
    Function<D, Set<ResourceID>> referringServices =
        dependency ->
            context
                .getPrimaryCache()
                .byIndex(
                    index,
                    key(
                        dependency.getMetadata().getNamespace(),
                        dependency.getMetadata().getName()))
                .stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(kind, EcsService.class)
            .withName(index)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(referringServices::apply)
            .withOnUpdateFilter(
                (updated, previous) -> DependencyChange.matters(updated, previous, output))
            .build(),
        context);
  }

  /** The index keys of a service: namespace/name of the object it refers to, if any. */
  private static List<String> referenceKeys(
      EcsService service, Function<EcsServiceSpec, LocalObjectReference> reference) {
    LocalObjectReference ref =
        service.getSpec() == null ? null : reference.apply(service.getSpec());
    return ref == null ? List.of() : List.of(key(service.getMetadata().getNamespace(), ref.name));
  }

  private static ResourceID id(EcsService resource, LocalObjectReference ref) {
    return new ResourceID(ref.name, resource.getMetadata().getNamespace());
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}

package io.ecsoperator.operator.service;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.operator.capacityprovider.ProviderReferences;
import io.ecsoperator.operator.cluster.ClusterReferences;
import io.ecsoperator.operator.controller.DependencyNotReadyException;
import io.ecsoperator.operator.controller.ReferenceWatch;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.service.TaskDefinitionRevisions;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Optional;

/**
 * The EcsCluster, EcsTaskDefinition and EcsCapacityProvider objects services refer to. They are
 * watched ({@link ReferenceWatch}): a change of one (a new revision, Ready at last) reconciles the
 * services referring to it within seconds. A service waits (WaitingForDependency) while a
 * referenced object is missing or not Ready at its generation.
 */
final class ServiceReferences {

  private final TaskDefinitionRevisions revisions;
  private ReferenceWatch<EcsCluster, EcsService> clusters;
  private ReferenceWatch<EcsTaskDefinition, EcsService> taskDefinitions;
  private ProviderReferences<EcsService> providers;

  ServiceReferences() {
    this.revisions = new TaskDefinitionRevisions();
  }

  /** Indexes the services by reference and watches the objects they refer to. */
  List<EventSource<?, EcsService>> eventSources(EventSourceContext<EcsService> context) {
    clusters = ClusterReferences.watch(context, spec -> spec.clusterRef);
    taskDefinitions =
        ReferenceWatch.of(
            context,
            EcsTaskDefinition.class,
            "taskDefinitionRef",
            ReferenceWatch.field(spec -> spec.taskDefinitionRef),
            td -> td.getStatus() == null ? null : td.getStatus().taskDefinitionArn);
    providers = ProviderReferences.watch(context, ProviderReferences::of);
    return List.of(clusters.eventSource(), taskDefinitions.eventSource(), providers.eventSource());
  }

  /** spec.cluster, or the name of the referenced EcsCluster once it is Ready. */
  String cluster(EcsService resource) {
    LocalObjectReference ref = resource.getSpec().clusterRef;
    if (ref == null) {
      return resource.getSpec().cluster;
    }
    return clusters.ready(resource, ref, "EcsCluster").clusterName();
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
    return clusters.get(resource, ref).map(EcsCluster::clusterName);
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
  String taskDefinition(EcsService resource, AwsClientFactory aws) {
    EcsServiceSpec spec = resource.getSpec();
    LocalObjectReference ref = spec.taskDefinitionRef;
    if (ref == null) {
      return revisions
          .revisionArn(aws.forRegion(spec.region), spec.taskDefinition)
          .orElseThrow(
              () ->
                  new DependencyNotReadyException(
                      "task definition " + spec.taskDefinition + " does not exist in AWS"));
    }
    EcsTaskDefinition taskDefinition = taskDefinitions.ready(resource, ref, "EcsTaskDefinition");
    String arn = taskDefinition.getStatus().taskDefinitionArn;
    if (arn == null) {
      throw new DependencyNotReadyException(
          "EcsTaskDefinition " + ref.name + " has no registered revision yet");
    }
    return arn;
  }

  /** The AWS names of the EcsCapacityProvider objects of the strategy, once each is Ready. */
  ProviderNames capacityProviders(EcsService resource) {
    return providers.readyNames(resource);
  }

  /** The same, Ready or not, for observing while waiting or deleting. */
  ProviderNames knownCapacityProviders(EcsService resource) {
    return providers.knownNames(resource);
  }
}

package io.ecsoperator.operator.service;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.crds.common.StatusCondition;
import io.ecsoperator.crds.service.AutoScalingStatus;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.EcsServiceStatus;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.crds.service.RolloutStatus;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.operator.OperatorSettings;
import io.ecsoperator.operator.controller.DependencyNotReadyException;
import io.ecsoperator.operator.controller.EventRecorder;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.operator.controller.StatusConditions;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.service.BatchedServiceReader;
import io.ecsoperator.reconcilers.service.EcsServiceAdapter;
import io.ecsoperator.reconcilers.service.EcsServiceState;
import io.ecsoperator.reconcilers.service.ResolvedService;
import io.ecsoperator.reconcilers.service.ServiceMemory;
import io.ecsoperator.reconcilers.service.TaskDefinitionRevisions;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reconciles EcsService objects. The referenced EcsCluster and EcsTaskDefinition objects are
 * watched: a change of one (a new revision, Ready at last) reconciles the services referring to it
 * within seconds, found through an index of the services by reference. A service waits
 * (WaitingForDependency) while a referenced object is missing or not Ready at its generation.
 */
@ControllerConfiguration(name = "ecsservice")
public final class EcsServiceController
    extends ManagedResourceController<
        EcsService, EcsServiceSpec, EcsServiceStatus, EcsServiceState> {

  private static final String BY_CLUSTER_REF = "clusterRef";
  private static final String BY_TASK_DEFINITION_REF = "taskDefinitionRef";

  private final AwsClientFactory aws;
  private final BatchedServiceReader reader;
  private final TaskDefinitionRevisions revisions;

  /**
   * The status this process last computed for each service, by UID, until the API server has it. A
   * status write can fail after AWS was changed (a conflict with another write of the object; JOSDK
   * then retries the reconcile): what the status remembers must not be lost with it, above all the
   * ARN of a scalable target just registered, without which the retry would take the target for
   * someone else's and stall.
   */
  private final Map<String, EcsServiceStatus> unwritten = new ConcurrentHashMap<>();

  private InformerEventSource<EcsCluster, EcsService> clusters;
  private InformerEventSource<EcsTaskDefinition, EcsService> taskDefinitions;

  public EcsServiceController(
      AwsClientFactory aws,
      StatusConditions conditions,
      EventRecorder events,
      OperatorSettings settings) {
    super(conditions, events, settings);
    this.aws = aws;
    // Answers as old as the progress interval are recent enough for drift checks and rollouts.
    this.reader = BatchedServiceReader.on(aws, settings.progressInterval());
    this.revisions = new TaskDefinitionRevisions(aws);
  }

  @Override
  public List<EventSource<?, EcsService>> prepareEventSources(
      EventSourceContext<EcsService> context) {
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

  @Override
  public UpdateControl<EcsService> reconcile(EcsService resource, Context<EcsService> context) {
    UpdateControl<EcsService> control = super.reconcile(resource, context);
    if (control.isPatchStatus()) {
      computed(resource);
    }
    return control;
  }

  /** Keeps the status just computed for the object (its status now) until it is written. */
  void computed(EcsService resource) {
    unwritten.put(
        resource.getMetadata().getUid(),
        Json.MAPPER.convertValue(resource.getStatus(), EcsServiceStatus.class));
  }

  /**
   * The object's status as this process last computed it: the one in the API server, unless the
   * write of a newer one is still missing.
   */
  EcsServiceStatus rememberedStatus(EcsService resource) {
    String uid = resource.getMetadata().getUid();
    EcsServiceStatus written = resource.getStatus();
    EcsServiceStatus computed = unwritten.get(uid);
    if (computed == null) {
      return written;
    }
    if (written != null && Json.toTree(written).equals(Json.toTree(computed))) {
      unwritten.remove(uid, computed);
      return written;
    }
    return computed;
  }

  @Override
  protected ResourceAdapter<EcsServiceSpec, EcsServiceState> adapter(EcsService resource) {
    EcsServiceStatus status = rememberedStatus(resource);
    boolean seenBefore =
        status != null
            && Objects.equals(status.observedGeneration, resource.getMetadata().getGeneration());
    boolean deleting = resource.isMarkedForDeletion();
    ResolvedService resolved =
        new ResolvedService(
            resource.serviceName(),
            deleting ? clusterForDeletion(resource) : cluster(resource),
            deleting ? null : taskDefinition(resource));
    return new EcsServiceAdapter(aws, reader, resolved, memory(status, seenBefore), !seenBefore);
  }

  /**
   * What the status remembers for the adapter: the last restartedAt and the scalable target
   * registered always, a failed rollout only for the generation it failed at, since a new spec may
   * retry it.
   */
  static ServiceMemory memory(EcsServiceStatus status, boolean seenBefore) {
    if (status == null) {
      return ServiceMemory.NONE;
    }
    return new ServiceMemory(
        status.restartedAt,
        seenBefore ? status.failedTaskDefinition : null,
        status.autoScaling == null ? null : status.autoScaling.scalableTargetARN);
  }

  /**
   * A service whose cluster is unknown was never found in AWS (its status has no cluster ARN and
   * the referenced EcsCluster is gone): there is nothing to delete.
   */
  @Override
  public DeleteControl cleanup(EcsService resource, Context<EcsService> context) {
    String cluster = clusterForDeletion(resource);
    DeleteControl control =
        cluster == null ? DeleteControl.defaultDelete() : super.cleanup(resource, context);
    if (control.isRemoveFinalizer()) {
      unwritten.remove(resource.getMetadata().getUid());
      if (cluster != null) {
        reader.forget(
            aws.forRegion(resource.getSpec().region).region(), cluster, resource.serviceName());
      }
    }
    return control;
  }

  /**
   * The services of one cluster are checked for drift at the same instant, so that the reader
   * describes them 10 per DescribeServices call; a service whose cluster is not known yet is a
   * group of its own.
   */
  @Override
  protected String driftCheckGroup(EcsService resource) {
    String cluster = clusterForDeletion(resource);
    String region = resource.getSpec().region;
    return cluster == null
        ? super.driftCheckGroup(resource)
        : BatchedServiceReader.batchGroup(region == null ? aws.defaultRegion() : region, cluster);
  }

  @Override
  protected EcsServiceStatus newStatus() {
    return new EcsServiceStatus();
  }

  @Override
  protected void copyObserved(EcsServiceState actual, EcsServiceStatus status) {
    status.arn = actual.arn();
    status.status = actual.status();
    status.clusterArn = actual.clusterArn();
    status.taskDefinition = actual.taskDefinition();
    status.desiredCount = actual.desiredCount();
    status.runningCount = actual.runningCount();
    status.pendingCount = actual.pendingCount();
    status.rollout =
        actual
            .primary()
            .map(
                primary -> {
                  RolloutStatus rollout = new RolloutStatus();
                  rollout.deploymentId = primary.id();
                  rollout.rolloutState = primary.rolloutStateAsString();
                  rollout.rolloutStateReason = primary.rolloutStateReason();
                  rollout.failedTasks = primary.failedTasks();
                  return rollout;
                })
            .orElse(null);
    status.autoScaling = autoScaling(actual);
    status.restartedAt = actual.restartedAt();
    status.failedTaskDefinition = actual.failedTaskDefinition();
  }

  /** The scalable target this object registered or adopted; null when it has none. */
  private static AutoScalingStatus autoScaling(EcsServiceState actual) {
    if (actual.scalableTargetArn() == null) {
      return null;
    }
    AutoScalingStatus status = new AutoScalingStatus();
    status.scalableTargetARN = actual.scalableTargetArn();
    if (actual.scaling() != null) {
      status.minCapacity = actual.scaling().minCapacity();
      status.maxCapacity = actual.scaling().maxCapacity();
    }
    return status;
  }

  /** spec.cluster, or the name of the referenced EcsCluster once it is Ready. */
  private String cluster(EcsService resource) {
    LocalObjectReference ref = resource.getSpec().clusterRef;
    if (ref == null) {
      return resource.getSpec().cluster;
    }
    return ready(clusters, resource, ref, "EcsCluster").clusterName();
  }

  /**
   * The cluster to delete the service from: as for reconciling (without waiting for the referenced
   * EcsCluster to be Ready), else the one AWS reported (the referenced EcsCluster may be gone by
   * now); null when unknown.
   */
  private String clusterForDeletion(EcsService resource) {
    LocalObjectReference ref = resource.getSpec().clusterRef;
    if (ref == null) {
      return resource.getSpec().cluster;
    }
    EcsCluster cluster = clusters.get(id(resource, ref)).orElse(null);
    if (cluster != null) {
      return cluster.clusterName();
    }
    EcsServiceStatus status = rememberedStatus(resource);
    return status == null ? null : status.clusterArn;
  }

  /**
   * The revision ARN of spec.taskDefinition, or the current revision of the referenced
   * EcsTaskDefinition once it is Ready.
   */
  private String taskDefinition(EcsService resource) {
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
    D dependency =
        source
            .get(id(resource, ref))
            .orElseThrow(
                () -> new DependencyNotReadyException(kind + " " + ref.name + " does not exist"));
    ManagedStatus status = dependency.getStatus();
    StatusCondition readyCondition = StatusConditions.ready(status);
    boolean current =
        status != null
            && Objects.equals(status.observedGeneration, dependency.getMetadata().getGeneration());
    if (!current || readyCondition == null || !"True".equals(readyCondition.status)) {
      throw new DependencyNotReadyException(
          kind
              + " "
              + ref.name
              + " is not Ready"
              + (current && readyCondition != null
                  ? " (" + readyCondition.reason + ": " + readyCondition.message + ")"
                  : " at its current generation yet"));
    }
    return dependency;
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

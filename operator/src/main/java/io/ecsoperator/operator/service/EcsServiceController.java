package io.ecsoperator.operator.service;

import io.ecsoperator.crds.service.AutoScalingStatus;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.EcsServiceStatus;
import io.ecsoperator.operator.OperatorSettings;
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
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reconciles EcsService objects; the EcsCluster and EcsTaskDefinition objects they refer to are
 * resolved and watched by {@link ServiceReferences}.
 */
@ControllerConfiguration(name = "ecsservice")
public final class EcsServiceController
    extends ManagedResourceController<
        EcsService, EcsServiceSpec, EcsServiceStatus, EcsServiceState> {

  private final AwsClientFactory aws;
  private final BatchedServiceReader reader;
  private final ServiceReferences references;

  /**
   * The status this process last computed for each service, by UID, until the API server has it. A
   * status write can fail after AWS was changed (a conflict with another write of the object; JOSDK
   * then retries the reconcile): what the status remembers must not be lost with it, above all the
   * ARN of a scalable target just registered, without which the retry would take the target for
   * someone else's and stall.
   */
  private final Map<String, EcsServiceStatus> unwritten = new ConcurrentHashMap<>();

  public EcsServiceController(
      AwsClientFactory aws,
      StatusConditions conditions,
      EventRecorder events,
      OperatorSettings settings) {
    super(conditions, events, settings);
    this.aws = aws;
    // Answers as old as the progress interval are recent enough for drift checks and rollouts.
    this.reader = BatchedServiceReader.on(aws, settings.progressInterval());
    this.references = new ServiceReferences(new TaskDefinitionRevisions(aws));
  }

  @Override
  public List<EventSource<?, EcsService>> prepareEventSources(
      EventSourceContext<EcsService> context) {
    return references.eventSources(context);
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
            deleting ? clusterForDeletion(resource) : references.cluster(resource),
            deleting ? null : references.taskDefinition(resource));
    ServiceMemory memory =
        memory(status, seenBefore).withRollout(RolloutStatuses.context(resource, status));
    return new EcsServiceAdapter(aws, reader, resolved, memory, !seenBefore);
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
  protected void copyObserved(
      EcsServiceState actual, EcsServiceStatus status, EcsServiceStatus previous) {
    copyObserved(actual, status);
    status.rollout = RolloutStatuses.of(actual, previous == null ? null : previous.rollout);
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
    status.rollout = RolloutStatuses.of(actual, null);
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

  /**
   * The cluster to delete the service from: as for reconciling (without waiting for the referenced
   * EcsCluster to be Ready), else the one AWS reported (the referenced EcsCluster may be gone by
   * now); null when unknown.
   */
  private String clusterForDeletion(EcsService resource) {
    return references
        .knownCluster(resource)
        .orElseGet(
            () -> {
              EcsServiceStatus status = rememberedStatus(resource);
              return status == null ? null : status.clusterArn;
            });
  }
}

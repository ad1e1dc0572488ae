package io.ecsoperator.operator.service;

import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.EcsServiceStatus;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.operator.controller.ReconcileMetrics;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.service.BatchedServiceReader;
import io.ecsoperator.reconcilers.service.EcsServiceState;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.util.List;

/**
 * Reconciles EcsService objects; the EcsCluster, EcsTaskDefinition and EcsCapacityProvider objects
 * they refer to are resolved and watched by {@link ServiceReferences}.
 */
@ControllerConfiguration(name = "ecsservice")
public final class EcsServiceController
    extends ManagedResourceController<
        EcsService, EcsServiceSpec, EcsServiceStatus, EcsServiceState> {

  private final ServiceReaders readers;
  private final ServiceReferences references;
  private RolloutTransitions rollouts =
      new RolloutTransitions(RolloutMetrics.NONE, Clock.systemUTC());

  public EcsServiceController(ControllerWiring wiring) {
    super(wiring, EcsServiceStatus::new);
    // Answers as old as the progress interval are recent enough for drift checks and rollouts.
    this.readers = new ServiceReaders(settings.progressInterval());
    this.references = new ServiceReferences();
  }

  /** The operator's metrics count rollouts too when they can. */
  @Override
  public void reportTo(ReconcileMetrics reconcileMetrics) {
    super.reportTo(reconcileMetrics);
    if (reconcileMetrics instanceof RolloutMetrics rolloutMetrics) {
      this.rollouts = new RolloutTransitions(rolloutMetrics, Clock.systemUTC());
    }
  }

  @Override
  protected List<EventSource<?, EcsService>> kindEventSources(
      EventSourceContext<EcsService> context) {
    return references.eventSources(context);
  }

  @Override
  protected ResourceAdapter<EcsServiceSpec, EcsServiceState> adapter(EcsService resource) {
    boolean seenBefore = seenBefore(resource);
    boolean deleting = resource.isMarkedForDeletion();
    var aws = aws(resource);
    return EcsServiceAdapters.forObject(
        aws,
        readers.of(aws),
        resource,
        deleting ? references.clusterForDeletion(resource) : references.cluster(resource),
        deleting ? null : references.taskDefinition(resource, aws),
        deleting
            ? references.knownCapacityProviders(resource)
            : references.capacityProviders(resource),
        ServiceStatusMapping.memory(resource, seenBefore),
        !seenBefore);
  }

  /** The service in the cluster the object names, as far as it is known (not Ready yet, say). */
  @Override
  protected ResourceAdapter<EcsServiceSpec, EcsServiceState> observerWhileWaiting(
      EcsService resource) {
    var aws = aws(resource);
    return references
        .knownCluster(resource)
        .map(
            cluster ->
                EcsServiceAdapters.observer(
                    aws,
                    readers.of(aws),
                    resource,
                    cluster,
                    references.knownCapacityProviders(resource)))
        .orElse(null);
  }

  /**
   * A service whose cluster is unknown was never found in AWS (its status has no cluster ARN and
   * the referenced EcsCluster is gone): there is nothing to delete.
   */
  @Override
  public DeleteControl cleanup(EcsService resource, Context<EcsService> context) {
    String cluster = references.clusterForDeletion(resource);
    DeleteControl control =
        cluster == null ? DeleteControl.defaultDelete() : super.cleanup(resource, context);
    if (control.isRemoveFinalizer()) {
      rollouts.forget(resource.getMetadata().getUid());
      if (cluster != null) {
        reachableAws(resource).ifPresent(aws -> readers.forget(aws, resource, cluster));
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
    String cluster = references.clusterForDeletion(resource);
    return cluster == null
        ? super.driftCheckGroup(resource)
        : BatchedServiceReader.batchGroup(region(resource), cluster);
  }

  @Override
  protected void copyObserved(EcsServiceState actual, EcsServiceStatus status) {
    ServiceStatusMapping.copy(actual, status, null);
  }

  /** Also counts the rollout's milestones this status shows for the first time. */
  @Override
  protected void copyObserved(
      EcsService resource,
      EcsServiceState actual,
      EcsServiceStatus status,
      EcsServiceStatus previous) {
    ServiceStatusMapping.copy(actual, status, previous);
    rollouts.observe(
        resource.getMetadata().getUid(),
        previous == null ? null : previous.rollout,
        status.rollout);
  }
}

package io.ecsoperator.reconcilers.service;

import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.ecsoperator.reconcilers.service.rollout.DeploymentProgress;
import io.ecsoperator.reconcilers.service.rollout.DeploymentTracker;
import io.ecsoperator.reconcilers.service.rollout.RolloutAnswers;
import io.ecsoperator.reconcilers.service.rollout.RolloutContext;
import io.ecsoperator.reconcilers.service.rollout.TrackedDeployment;
import io.ecsoperator.reconcilers.service.scaling.ScalingDiff;
import io.ecsoperator.reconcilers.service.scaling.ScalingOwner;
import io.ecsoperator.reconcilers.service.scaling.ScalingState;
import io.ecsoperator.reconcilers.service.scaling.ServiceScaling;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * ECS services: CreateService with every declared field, UpdateService with only the changed ones
 * (a new restartedAt forces one new deployment), TagResource / UntagResource for tags, and the
 * service's Application Auto Scaling ({@link ServiceScaling}) for autoScaling; deletion removes our
 * scaling, scales to 0, deletes and waits for INACTIVE. Reads go through the shared {@link
 * BatchedServiceReader}; Application Auto Scaling is read only when the spec declares autoScaling
 * or this object registered a target. The cluster and task definition come resolved ({@link
 * ResolvedService}).
 */
public final class EcsServiceAdapter implements ResourceAdapter<EcsServiceSpec, EcsServiceState> {

  /** AWS's answer to a second CreateService of an ACTIVE service's name. */
  private static final String NOT_IDEMPOTENT = "not idempotent";

  private final AwsClientFactory aws;
  private final BatchedServiceReader reader;
  private final ResolvedService resolved;
  private final ServiceMemory memory;
  private final boolean freshRead;

  /**
   * Set when this reconcile's CreateService found the name taken: the service there may be ours,
   * made with the spec's restartedAt by a create whose response was lost.
   */
  private boolean nameTakenOnCreate;

  /** The shapes this reconcile's diff compared, for its UpdateService (built once). */
  private ServiceShapes observedShapes;

  /**
   * @param memory what earlier reconciles of this object remember (from its status)
   * @param freshRead true to read AWS itself rather than an answer the reader has at hand: for a
   *     new generation of the spec
   */
  public EcsServiceAdapter(
      AwsClientFactory aws,
      BatchedServiceReader reader,
      ResolvedService resolved,
      ServiceMemory memory,
      boolean freshRead) {
    this.aws = aws;
    this.reader = reader;
    this.resolved = resolved;
    this.memory = memory;
    this.freshRead = freshRead;
  }

  @Override
  public Observation<EcsServiceState> observe(ResourceRef ref, EcsServiceSpec spec) {
    Observation<EcsServiceState> observation = observe(ref, spec, freshRead);
    return nameTakenOnCreate ? remembering(observation, ref, spec, spec.restartedAt) : observation;
  }

  private Observation<EcsServiceState> observe(
      ResourceRef ref, EcsServiceSpec spec, boolean fresh) {
    AwsClients clients = aws.forRegion(spec.region);
    EcsServiceState actual = read(clients, fresh);
    if (actual == null) {
      return Observation.absent();
    }
    if (!actual.active()) {
      // A DRAINING service takes no updates: readiness reports the wait for INACTIVE.
      return Observation.tagged(ref, actual, actual.tags(), ChangeSet.NONE);
    }
    ScalingOwner owner = scalingOwner(ref, spec);
    if (ServiceScaling.needsRead(spec.autoScaling, owner)) {
      ScalingState scaling = scaling(clients).read();
      actual = actual.withScaling(scaling, owner.targetArnToRecord(spec.autoScaling, scaling));
    }
    actual = tracked(clients, actual);
    if (!fresh && actual.deploymentInFlight()) {
      // A drift check corrects nothing while ECS deploys: ECS itself rewrites listener weights
      // and target groups then. A new spec (a fresh read) is handed to ECS, which starts a
      // deployment, and so is a new revision of the referenced task definition (see below).
      return Observation.tagged(ref, actual, actual.tags(), newRevisionOnly(ref, spec, actual));
    }
    return Observation.tagged(ref, actual, actual.tags(), diff(ref, spec, actual));
  }

  /** The service with the service deployment it runs, when there is something to learn of it. */
  private EcsServiceState tracked(AwsClients clients, EcsServiceState actual) {
    RolloutContext context = memory.rollout();
    if (!DeploymentTracker.needsRead(actual.service(), context)) {
      return actual;
    }
    return DeploymentTracker.read(clients, actual.service().currentServiceDeployment())
        .map(d -> actual.withRollout(TrackedDeployment.of(d, context, Instant.now())))
        .orElse(actual);
  }

  /**
   * The new task definition revision the spec refers to, while a deployment it can supersede is in
   * flight: ECS takes an UpdateService then as a newer deployment that stops the one in progress
   * (developer guide, "service deployment states"; the new one starts with RECONCILE_SERVICE). A
   * deployment already stopping or rolling back is left to end first.
   */
  private ChangeSet newRevisionOnly(ResourceRef ref, EcsServiceSpec spec, EcsServiceState actual) {
    if (!actual.rollout().supersedable()) {
      return ChangeSet.NONE;
    }
    return new ChangeSet(
        diff(ref, spec, actual).changes().stream()
            .filter(c -> c.path().equals(EcsServiceDiff.TASK_DEFINITION))
            .toList());
  }

  /** The service's changes, then its scaling's (paths under "autoScaling"). */
  private ChangeSet diff(ResourceRef ref, EcsServiceSpec spec, EcsServiceState actual) {
    observedShapes = ServiceShapes.of(spec, resolved.providers(), actual.service());
    return EcsServiceDiff.diff(spec, resolved, actual, observedShapes)
        .plus(ScalingDiff.diff(spec.autoScaling, actual.scaling(), scalingOwner(ref, spec)));
  }

  @Override
  public CreateResult<EcsServiceState> create(ResourceRef ref, EcsServiceSpec spec) {
    AwsClients clients = aws.forRegion(spec.region);
    Map<String, String> tags = new HashMap<>(spec.tagsOrEmpty());
    tags.putAll(ref.ownershipTags());
    // One token for the guard's retries of this call: AWS answers a repeat with the same service.
    CreateServiceRequest request =
        ServiceRequests.create(spec, resolved, tags, UUID.randomUUID().toString());
    try {
      Service created =
          clients
              .ecsCall(ApiCategory.ECS_SERVICE_MODIFY, ecs -> ecs.createService(request))
              .service();
      invalidate(clients);
      return CreateResult.created(
          scaleNew(
              ref,
              spec,
              clients,
              tracked(clients, new EcsServiceState(created, spec.restartedAt, null))));
    } catch (InvalidParameterException existing) {
      if (!String.valueOf(existing.getMessage()).contains(NOT_IDEMPOTENT)) {
        throw existing;
      }
    }
    // The name is taken by an ACTIVE service; the engine reads it again, from AWS.
    invalidate(clients);
    nameTakenOnCreate = true;
    return CreateResult.nameTaken();
  }

  @Override
  public void adopt(ResourceRef ref, EcsServiceState actual) {
    AwsClients clients = aws.forArn(actual.arn());
    EcsTags.writer(clients, actual.arn()).tag(ref.ownershipTags());
    invalidate(clients);
  }

  @Override
  public EcsServiceState update(
      ResourceRef ref, EcsServiceSpec spec, Observation<EcsServiceState> observation) {
    EcsServiceState actual = observation.actual();
    ChangeSet changes = observation.changes();
    boolean restart = changes.has(EcsServiceDiff.RESTARTED_AT);
    if (changes.has(EcsServiceDiff.TASK_DEFINITION)
        && resolved.taskDefinitionArn().equals(actual.failedTaskDefinition())
        && !restart) {
      throw rolledBack(actual);
    }
    AwsClients clients = aws.forRegion(spec.region);
    ServiceShapes shapes =
        observedShapes == null
            ? ServiceShapes.of(spec, resolved.providers(), actual.service())
            : observedShapes.reuseFor(spec, resolved.providers(), actual.service());
    Optional<UpdateServiceRequest> request =
        ServiceRequests.update(spec, resolved, shapes, changes);
    Service updated =
        request
            .map(
                r ->
                    clients
                        .ecsCall(ApiCategory.ECS_SERVICE_MODIFY, ecs -> ecs.updateService(r))
                        .service())
            .orElse(actual.service());
    if (changes.has(EcsServiceDiff.TAGS)) {
      EcsTags.writer(clients, actual.arn()).sync(spec.tagsOrEmpty(), actual.tags());
    }
    invalidate(clients);
    EcsServiceState written =
        new EcsServiceState(
            updated,
            restart ? spec.restartedAt : actual.restartedAt(),
            restart ? null : actual.failedTaskDefinition(),
            actual.scaling(),
            actual.scalableTargetArn());
    // UpdateService's answer names the deployment it started (currentServiceDeployment): the
    // status follows that one from now on, rather than showing none until the next read.
    EcsServiceState after =
        request.isPresent() ? tracked(clients, written) : written.withRollout(actual.rollout());
    boolean scalingChanged =
        changes.changes().stream()
            .anyMatch(c -> EcsServiceDiff.topLevel(c.path()).equals(ScalingDiff.PATH));
    return scalingChanged ? applyScaling(ref, spec, clients, after, actual.scaling()) : after;
  }

  /**
   * A new service's scaling: what the spec declares, or the removal of a target this object
   * registered for an earlier service of the same name. Application Auto Scaling is read first, so
   * that a target someone else left behind is not taken over.
   */
  private EcsServiceState scaleNew(
      ResourceRef ref, EcsServiceSpec spec, AwsClients clients, EcsServiceState created) {
    if (!ServiceScaling.needsRead(spec.autoScaling, scalingOwner(ref, spec))) {
      return created;
    }
    return applyScaling(ref, spec, clients, created, scaling(clients).read());
  }

  /**
   * Makes the service's scaling match the spec, after every write of the service itself: the
   * scalable target needs the service, and a target this call registers is known only from its
   * answer, so no later failure may keep that answer from the status (ServiceScaling undoes a
   * registration whose policies fail).
   *
   * @param before the scaling as read in this reconcile
   */
  private EcsServiceState applyScaling(
      ResourceRef ref,
      EcsServiceSpec spec,
      AwsClients clients,
      EcsServiceState service,
      ScalingState before) {
    ScalingOwner owner = scalingOwner(ref, spec);
    String targetArn =
        scaling(clients).apply(spec.autoScaling, before, owner).registeredTargetArn();
    if (spec.autoScaling == null) {
      return service.withScaling(owner.registered(before) ? null : before, null);
    }
    return service.withScaling(
        ScalingState.applied(
            ServiceScaling.resourceId(resolved.cluster(), resolved.serviceName()),
            targetArn,
            spec.autoScaling,
            before),
        targetArn);
  }

  @Override
  public DeleteOutcome delete(ResourceRef ref, EcsServiceSpec spec, EcsServiceState actual) {
    if (!actual.active()) {
      return draining(actual.status());
    }
    AwsClients clients = aws.forRegion(spec.region);
    // Our scaling goes first, so that the scaler cannot scale the service up again.
    scaling(clients).remove(actual.scaling(), scalingOwner(ref, spec));
    String cluster = resolved.cluster();
    String name = resolved.serviceName();
    try {
      if (!actual.daemon() && actual.desiredCount() > 0) {
        clients.ecsRun(
            ApiCategory.ECS_SERVICE_MODIFY,
            ecs -> ecs.updateService(r -> r.cluster(cluster).service(name).desiredCount(0)));
      }
      // DAEMON services have no desiredCount to scale down: only force deletes them.
      Service deleted =
          clients
              .ecsCall(
                  ApiCategory.ECS_SERVICE_MODIFY,
                  ecs ->
                      ecs.deleteService(
                          r -> r.cluster(cluster).service(name).force(actual.daemon())))
              .service();
      invalidate(clients);
      return "INACTIVE".equals(deleted.status()) ? DeleteOutcome.DONE : draining(deleted.status());
    } catch (ServiceNotFoundException | ClusterNotFoundException gone) {
      return DeleteOutcome.DONE;
    } catch (ServiceNotActiveException notActive) {
      invalidate(clients);
      return draining("DRAINING");
    }
  }

  /** Why the spec's task definition is not deployed again: its deployment was rolled back. */
  private TerminalException rolledBack(EcsServiceState actual) {
    if (actual.rollout() != null && !actual.rollout().rolling()) {
      return new TerminalException(
          "RolloutRolledBack",
          DeploymentProgress.rolledBack(
              actual.rollout().deployment(), ServiceReadiness.latestEvents(actual)));
    }
    String again =
        " it is not deployed again until the spec changes (a new task definition, or a new"
            + " restartedAt to retry)";
    if ("ROLLBACK_SUCCESSFUL".equals(memory.rollout().trackedStatus())) {
      return new TerminalException(
          "RolloutRolledBack",
          "the deployment of "
              + actual.failedTaskDefinition()
              + " was rolled back (status.rollout.rollbackReason says why);"
              + again);
    }
    return new TerminalException(
        "RolloutFailed",
        "the rollout of " + actual.failedTaskDefinition() + " failed and was rolled back;" + again);
  }

  /** Answers a paused or running deployment as the annotations ask, then says how it stands. */
  @Override
  public Readiness readiness(EcsServiceSpec spec, EcsServiceState actual) {
    TrackedDeployment rollout = actual.rollout();
    if (rollout == null) {
      return ServiceReadiness.of(actual, resolved.taskDefinitionArn());
    }
    AwsClients clients = aws.forArn(actual.arn());
    Optional<Notice> answered = RolloutAnswers.apply(clients, rollout);
    if (answered.isEmpty()) {
      return ServiceReadiness.of(actual, resolved.taskDefinitionArn());
    }
    EcsServiceState after =
        DeploymentTracker.read(clients, rollout.deployment().serviceDeploymentArn())
            .map(d -> actual.withRollout(TrackedDeployment.of(d, rollout.context(), Instant.now())))
            .orElse(actual);
    return ServiceReadiness.of(after, resolved.taskDefinitionArn()).withNotice(answered.get());
  }

  /** The service, or null when it does not exist: MISSING, INACTIVE, or its cluster is gone. */
  private EcsServiceState read(AwsClients clients, boolean fresh) {
    Service service;
    try {
      service = reader.read(clients.region(), resolved.cluster(), resolved.serviceName(), fresh);
    } catch (ClusterNotFoundException gone) {
      return null;
    }
    if (service == null || "INACTIVE".equals(service.status())) {
      return null;
    }
    EcsServiceState state =
        new EcsServiceState(service, memory.restartedAt(), memory.failedTaskDefinition());
    return state.remembering(
        state.restartedAt(),
        state.failedRollout().map(Deployment::taskDefinition).orElse(state.failedTaskDefinition()));
  }

  /** The observation with this restartedAt remembered, diffed again. */
  private Observation<EcsServiceState> remembering(
      Observation<EcsServiceState> observation,
      ResourceRef ref,
      EcsServiceSpec spec,
      String restartedAt) {
    if (!observation.exists()) {
      return observation;
    }
    EcsServiceState actual =
        observation.actual().remembering(restartedAt, observation.actual().failedTaskDefinition());
    return new Observation<>(
        actual, observation.ownership(), diff(ref, spec, actual), observation.owner());
  }

  /** Whose the service's scalable target is: by the ARN remembered in the status. */
  private ScalingOwner scalingOwner(ResourceRef ref, EcsServiceSpec spec) {
    return new ScalingOwner(ref, memory.scalableTargetArn(), spec.adoptExisting());
  }

  private ServiceScaling scaling(AwsClients clients) {
    return new ServiceScaling(clients, resolved.cluster(), resolved.serviceName());
  }

  private void invalidate(AwsClients clients) {
    reader.invalidate(clients.region(), resolved.cluster(), resolved.serviceName());
  }

  private DeleteOutcome draining(String status) {
    return DeleteOutcome.waiting(
        "ServiceDraining",
        "service " + resolved.serviceName() + " is " + status + "; waiting for INACTIVE");
  }
}

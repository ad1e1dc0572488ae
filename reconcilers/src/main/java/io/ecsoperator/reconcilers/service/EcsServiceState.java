package io.ecsoperator.reconcilers.service;

import io.ecsoperator.reconcilers.service.rollout.DeploymentTracker;
import io.ecsoperator.reconcilers.service.rollout.TrackedDeployment;
import io.ecsoperator.reconcilers.service.scaling.ScalingState;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * An ECS service as DescribeServices reports it (tags included), with what earlier reconciles of
 * the same object remember about it.
 *
 * @param service the service as AWS describes it
 * @param restartedAt the spec.restartedAt the last forced deployment was made for; null if none
 * @param failedTaskDefinition a revision whose rollout failed, not to be deployed again until the
 *     spec changes; null if none
 * @param scaling the service's scalable target and its policies; null when it has none, or when
 *     Application Auto Scaling was not read (the spec has no autoScaling and this object never
 *     registered a target)
 * @param scalableTargetArn the ARN of {@code scaling} when this object registered or adopted it, to
 *     be remembered; null otherwise
 * @param rollout the service deployment the service runs, when it was read (see {@link
 *     DeploymentTracker}); null otherwise
 */
public record EcsServiceState(
    Service service,
    String restartedAt,
    String failedTaskDefinition,
    ScalingState scaling,
    String scalableTargetArn,
    TrackedDeployment rollout) {

  /** Deployment status of the deployment that rolls out the service's task definition. */
  static final String PRIMARY = "PRIMARY";

  static final String ROLLOUT_FAILED = "FAILED";

  /** A service without scaling (none read, none of ours). */
  public EcsServiceState(Service service, String restartedAt, String failedTaskDefinition) {
    this(service, restartedAt, failedTaskDefinition, null, null, null);
  }

  /** A service with scaling as read, its deployment not read. */
  public EcsServiceState(
      Service service,
      String restartedAt,
      String failedTaskDefinition,
      ScalingState scaling,
      String scalableTargetArn) {
    this(service, restartedAt, failedTaskDefinition, scaling, scalableTargetArn, null);
  }

  public String arn() {
    return service.serviceArn();
  }

  public String status() {
    return service.status();
  }

  public boolean active() {
    return "ACTIVE".equals(service.status());
  }

  public String clusterArn() {
    return service.clusterArn();
  }

  public String taskDefinition() {
    return service.taskDefinition();
  }

  public int desiredCount() {
    return zeroIfNull(service.desiredCount());
  }

  public int runningCount() {
    return zeroIfNull(service.runningCount());
  }

  public int pendingCount() {
    return zeroIfNull(service.pendingCount());
  }

  public boolean daemon() {
    return "DAEMON".equals(service.schedulingStrategyAsString());
  }

  public Map<String, String> tags() {
    return EcsTags.of(service.tags());
  }

  /** The PRIMARY deployment: the one rolling out the service's current task definition. */
  public Optional<Deployment> primary() {
    return service.deployments().stream().filter(d -> PRIMARY.equals(d.status())).findFirst();
  }

  /**
   * The failed rollout that stands, if AWS still lists it: the PRIMARY deployment's, or one that
   * was rolled back (the PRIMARY deployment runs another revision). A failed deployment of the
   * revision the PRIMARY deployment runs again is history: that rollout was retried.
   */
  public Optional<Deployment> failedRollout() {
    Optional<Deployment> primary = primary();
    return service.deployments().stream()
        .filter(d -> ROLLOUT_FAILED.equals(d.rolloutStateAsString()))
        .filter(
            d ->
                primary
                    .map(
                        p ->
                            p.id().equals(d.id())
                                || !Objects.equals(p.taskDefinition(), d.taskDefinition()))
                    .orElse(true))
        .max(Comparator.comparing(d -> d.createdAt() == null ? Instant.EPOCH : d.createdAt()));
  }

  /** The same service, with what is remembered for it. */
  public EcsServiceState remembering(String newRestartedAt, String newFailedTaskDefinition) {
    return new EcsServiceState(
        service, newRestartedAt, newFailedTaskDefinition, scaling, scalableTargetArn, rollout);
  }

  /** The same service with this scaling, and the ARN of the target that is this object's. */
  public EcsServiceState withScaling(ScalingState newScaling, String newScalableTargetArn) {
    return new EcsServiceState(
        service, restartedAt, failedTaskDefinition, newScaling, newScalableTargetArn, rollout);
  }

  /** The same service with the service deployment it runs. */
  public EcsServiceState withRollout(TrackedDeployment newRollout) {
    return new EcsServiceState(
        service, restartedAt, failedTaskDefinition, scaling, scalableTargetArn, newRollout);
  }

  /** A blue/green, linear or canary deployment of this service is running. */
  public boolean deploymentInFlight() {
    return rollout != null && !rollout.rolling() && rollout.ongoing();
  }

  private static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }
}

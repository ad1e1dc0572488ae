package io.ecsoperator.operator.service;

import io.ecsoperator.crds.service.AutoScalingStatus;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceStatus;
import io.ecsoperator.reconcilers.service.EcsServiceState;
import io.ecsoperator.reconcilers.service.ServiceMemory;

/**
 * What an EcsService's status keeps of the AWS service, and what it gives back to the next
 * reconcile.
 */
final class ServiceStatusMapping {

  private ServiceStatusMapping() {}

  /**
   * The status fields the AWS service fills; {@code previous} (null if none) keeps what AWS was not
   * asked this time.
   */
  static void copy(EcsServiceState actual, EcsServiceStatus status, EcsServiceStatus previous) {
    status.arn = actual.arn();
    status.status = actual.status();
    status.clusterArn = actual.clusterArn();
    status.taskDefinition = actual.taskDefinition();
    status.desiredCount = actual.desiredCount();
    status.runningCount = actual.runningCount();
    status.pendingCount = actual.pendingCount();
    status.rollout = RolloutStatuses.of(actual, previous == null ? null : previous.rollout);
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

  /** The same, with the deployment the status tracks and the annotations' answers to it. */
  static ServiceMemory memory(EcsService resource, boolean seenBefore) {
    EcsServiceStatus status = resource.getStatus();
    return memory(status, seenBefore).withRollout(RolloutStatuses.context(resource, status));
  }
}

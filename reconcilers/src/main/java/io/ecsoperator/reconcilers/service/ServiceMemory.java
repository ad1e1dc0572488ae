package io.ecsoperator.reconcilers.service;

import io.ecsoperator.reconcilers.service.rollout.RolloutContext;

/**
 * What earlier reconciles of the same object learnt and AWS does not keep (the operator keeps it in
 * the object's status).
 *
 * @param restartedAt the spec.restartedAt the last forced deployment was made for
 * @param failedTaskDefinition a revision whose rollout failed and was rolled back
 * @param scalableTargetArn the ARN of the scalable target this object registered or adopted for the
 *     service: the receipt that tells it apart from a target registered by someone else (see {@link
 *     io.ecsoperator.reconcilers.service.scaling.ScalingOwner})
 * @param rollout the deployment the status tracked, and the annotations' answers to it
 */
public record ServiceMemory(
    String restartedAt,
    String failedTaskDefinition,
    String scalableTargetArn,
    RolloutContext rollout) {

  public static final ServiceMemory NONE = new ServiceMemory(null, null, null);

  public ServiceMemory(String restartedAt, String failedTaskDefinition, String scalableTargetArn) {
    this(restartedAt, failedTaskDefinition, scalableTargetArn, RolloutContext.NONE);
  }

  public ServiceMemory withRollout(RolloutContext newRollout) {
    return new ServiceMemory(restartedAt, failedTaskDefinition, scalableTargetArn, newRollout);
  }
}

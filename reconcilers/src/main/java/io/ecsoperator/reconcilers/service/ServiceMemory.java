package io.ecsoperator.reconcilers.service;

/**
 * What earlier reconciles of the same object learnt and AWS does not keep (the operator keeps it in
 * the object's status).
 *
 * @param restartedAt the spec.restartedAt the last forced deployment was made for
 * @param failedTaskDefinition a revision whose rollout failed and was rolled back
 * @param scalableTargetArn the ARN of the scalable target this object registered or adopted for the
 *     service: the receipt that tells it apart from a target registered by someone else (see {@link
 *     io.ecsoperator.reconcilers.service.scaling.ScalingOwner})
 */
public record ServiceMemory(
    String restartedAt, String failedTaskDefinition, String scalableTargetArn) {

  public static final ServiceMemory NONE = new ServiceMemory(null, null, null);
}

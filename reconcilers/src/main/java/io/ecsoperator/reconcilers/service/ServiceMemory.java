package io.ecsoperator.reconcilers.service;

/**
 * What earlier reconciles of the same object learnt and AWS does not keep (the operator keeps it in
 * the object's status).
 *
 * @param restartedAt the spec.restartedAt the last forced deployment was made for
 * @param failedTaskDefinition a revision whose rollout failed and was rolled back
 */
public record ServiceMemory(String restartedAt, String failedTaskDefinition) {

  public static final ServiceMemory NONE = new ServiceMemory(null, null);
}

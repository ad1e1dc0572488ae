package io.ecsoperator.reconcilers.service.rollout;

/**
 * What the object says about its rollout beyond the spec: the service deployment its status last
 * tracked, and the answers its annotations give to a paused or running deployment.
 *
 * @param trackedArn the service deployment the status last showed; null if none
 * @param trackedStatus that deployment's status then (e.g. IN_PROGRESS, SUCCESSFUL)
 * @param bakeEndsAt when the status said the bake ends (RFC 3339); null unless it was baking
 * @param approve a hook ID to continue (annotation ecsoperator.io/approve); null if none
 * @param rollback a hook ID or service deployment ARN to roll back (annotation
 *     ecsoperator.io/rollback); null if none
 */
public record RolloutContext(
    String trackedArn, String trackedStatus, String bakeEndsAt, String approve, String rollback) {

  public static final RolloutContext NONE = new RolloutContext(null, null, null, null, null);

  /** The annotation that continues a paused deployment: its value names the hook. */
  public static final String APPROVE_ANNOTATION = "ecsoperator.io/approve";

  /** The annotation that rolls a deployment back: its value names the hook or the deployment. */
  public static final String ROLLBACK_ANNOTATION = "ecsoperator.io/rollback";
}

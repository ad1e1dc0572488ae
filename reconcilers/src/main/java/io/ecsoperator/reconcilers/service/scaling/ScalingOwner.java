package io.ecsoperator.reconcilers.service.scaling;

import io.ecsoperator.crds.service.ServiceAutoScaling;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.util.Objects;

/**
 * Whose a service's scalable target is. Application Auto Scaling tags scalable targets in AWS, but
 * the AWS emulator the tests run against does not (no TagResource, no ListTagsForResource), so the
 * operator judges by a receipt instead: the ScalableTargetARN it got back when it registered the
 * target, kept in the object's status. AWS makes a new ARN for each registration, so a target
 * registered again by someone else is not taken for ours.
 *
 * @param ref the object the target belongs to (its ownership tags go on a target it registers)
 * @param registeredTargetArn the ARN this object registered or adopted (from its status), or null
 * @param adopt whether an existing target this object did not register may be taken over (the
 *     object's spec.adopt)
 */
public record ScalingOwner(ResourceRef ref, String registeredTargetArn, boolean adopt) {

  public ScalingOwner {
    Objects.requireNonNull(ref, "ref");
  }

  /** Whether {@code actual} is the target this object registered or adopted. */
  public boolean registered(ScalingState actual) {
    return actual != null
        && actual.targetArn() != null
        && actual.targetArn().equals(registeredTargetArn);
  }

  /** Whether the spec may be applied to {@code actual}: ours, adoptable, or no target at all. */
  public boolean mayManage(ScalingState actual) {
    return actual == null || adopt || registered(actual);
  }

  /** The same owner with this ARN as the registered target (null: none). */
  public ScalingOwner withRegisteredTargetArn(String arn) {
    return new ScalingOwner(ref, arn, adopt);
  }

  /**
   * The ARN to keep in the object's status after a reconcile that left AWS at {@code actual}: the
   * registered target while it exists, or an existing one the spec declares and adopt takes over
   * (adoption needs no AWS write); null otherwise.
   */
  public String targetArnToRecord(ServiceAutoScaling desired, ScalingState actual) {
    if (registered(actual) || desired != null && adopt && actual != null) {
      return actual.targetArn();
    }
    return null;
  }
}

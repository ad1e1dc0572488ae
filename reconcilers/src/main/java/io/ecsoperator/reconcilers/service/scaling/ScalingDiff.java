package io.ecsoperator.reconcilers.service.scaling;

import io.ecsoperator.crds.service.ServiceAutoScaling;
import io.ecsoperator.crds.service.TargetTrackingPolicy;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The difference between a service's {@code autoScaling} and Application Auto Scaling: a pure
 * function of (spec, state, owner). Paths start with {@code autoScaling}; a policy is named by its
 * policyName, e.g. {@code autoScaling.targetTrackingPolicies[cpu].targetValue}.
 */
public final class ScalingDiff {

  /** The whole block: a registered target the spec no longer declares. */
  public static final String PATH = "autoScaling";

  /** An existing target this object did not register and may not adopt. */
  public static final String TARGET_OWNER = PATH + ".scalableTarget";

  public static final String MIN_CAPACITY = PATH + ".minCapacity";
  public static final String MAX_CAPACITY = PATH + ".maxCapacity";
  public static final String POLICIES = PATH + ".targetTrackingPolicies";

  private ScalingDiff() {}

  /**
   * @param desired the spec's autoScaling block, null when absent
   * @param actual the service's scalable target, null when it has none
   */
  public static ChangeSet diff(
      ServiceAutoScaling desired, ScalingState actual, ScalingOwner owner) {
    ChangeSet.Builder changes = ChangeSet.builder();
    if (desired == null) {
      // Only a target this object registered is removed; anyone else's is left alone.
      if (owner.registered(actual)) {
        changes.compare(PATH, null, actual, ChangeStrategy.IN_PLACE);
      }
      return changes.build();
    }
    if (!owner.mayManage(actual)) {
      changes.compare(
          TARGET_OWNER,
          "registered by ecs-operator for " + owner.ref().owner(),
          actual.targetArn() + ", registered outside this object",
          ChangeStrategy.IN_PLACE);
    }
    changes
        .compare(
            MIN_CAPACITY,
            desired.minCapacity,
            actual == null ? null : actual.minCapacity(),
            ChangeStrategy.IN_PLACE)
        .compare(
            MAX_CAPACITY,
            desired.maxCapacity,
            actual == null ? null : actual.maxCapacity(),
            ChangeStrategy.IN_PLACE);
    Set<String> declared = new HashSet<>();
    for (TargetTrackingPolicy policy : declaredPolicies(desired)) {
      declared.add(policy.policyName);
      TrackingPolicy want = TrackingPolicy.of(policy);
      TrackingPolicy have = actual == null ? null : actual.policies().get(policy.policyName);
      if (have == null) {
        changes.compare(policyPath(policy.policyName), want, null, ChangeStrategy.IN_PLACE);
      } else {
        want.compare(policyPath(policy.policyName), have, changes);
      }
    }
    if (actual != null) {
      actual
          .trackingPolicies()
          .forEach(
              (name, have) -> {
                if (!declared.contains(name)) {
                  changes.compare(policyPath(name), null, have, ChangeStrategy.IN_PLACE);
                }
              });
    }
    return changes.build();
  }

  /** The declared policies; an absent list declares none. */
  static List<TargetTrackingPolicy> declaredPolicies(ServiceAutoScaling desired) {
    return desired.targetTrackingPolicies == null ? List.of() : desired.targetTrackingPolicies;
  }

  static String policyPath(String policyName) {
    return POLICIES + "[" + policyName + "]";
  }
}

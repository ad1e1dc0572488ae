package io.ecsoperator.reconcilers.service.scaling;

import io.ecsoperator.crds.service.ServiceAutoScaling;
import io.ecsoperator.crds.service.TargetTrackingPolicy;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;

/**
 * The scalable target of one ECS service's desired count and the scaling policies on it, as
 * Application Auto Scaling reports them.
 *
 * @param resourceId service/&lt;cluster&gt;/&lt;service&gt;
 * @param targetArn the ScalableTargetARN: new for each registration, so it tells a target this
 *     object registered from one registered again by someone else
 * @param policies every policy of the target by name, of any type
 */
public record ScalingState(
    String resourceId,
    String targetArn,
    int minCapacity,
    int maxCapacity,
    SortedMap<String, TrackingPolicy> policies) {

  public ScalingState {
    policies = Collections.unmodifiableSortedMap(new TreeMap<>(policies));
  }

  /**
   * The state from DescribeScalableTargets' target and DescribeScalingPolicies' policies; policies
   * of other resources are left out (moto matches the ResourceId filter as a substring).
   */
  static ScalingState of(ScalableTarget target, List<ScalingPolicy> policies) {
    TreeMap<String, TrackingPolicy> byName = new TreeMap<>();
    for (ScalingPolicy policy : policies) {
      if (target.resourceId().equals(policy.resourceId())
          && target.scalableDimensionAsString().equals(policy.scalableDimensionAsString())) {
        byName.put(policy.policyName(), TrackingPolicy.of(policy));
      }
    }
    return new ScalingState(
        target.resourceId(),
        target.scalableTargetARN(),
        target.minCapacity(),
        target.maxCapacity(),
        byName);
  }

  /**
   * What Application Auto Scaling has once {@link ServiceScaling#apply} made it match {@code
   * desired}: the target {@code targetArn} with the declared capacities and target-tracking
   * policies, and the policies of other types {@code before} had under undeclared names (apply
   * leaves those alone). Pure: it spares the describe calls after a write.
   *
   * @param before what {@link ServiceScaling#read()} returned before apply; null when no target
   */
  public static ScalingState applied(
      String resourceId, String targetArn, ServiceAutoScaling desired, ScalingState before) {
    TreeMap<String, TrackingPolicy> policies = new TreeMap<>();
    if (before != null) {
      before.policies.forEach(
          (name, policy) -> {
            if (!policy.isTargetTracking()) {
              policies.put(name, policy);
            }
          });
    }
    for (TargetTrackingPolicy policy : ScalingDiff.declaredPolicies(desired)) {
      policies.put(policy.policyName, TrackingPolicy.of(policy));
    }
    return new ScalingState(
        resourceId, targetArn, desired.minCapacity, desired.maxCapacity, policies);
  }

  /** The target-tracking policies: the only kind a spec declares, so the only kind it removes. */
  public SortedMap<String, TrackingPolicy> trackingPolicies() {
    SortedMap<String, TrackingPolicy> tracking = new TreeMap<>();
    policies.forEach(
        (name, policy) -> {
          if (policy.isTargetTracking()) {
            tracking.put(name, policy);
          }
        });
    return tracking;
  }

  @Override
  public String toString() {
    return resourceId
        + " (min "
        + minCapacity
        + ", max "
        + maxCapacity
        + ", policies "
        + policies.keySet()
        + ")";
  }
}

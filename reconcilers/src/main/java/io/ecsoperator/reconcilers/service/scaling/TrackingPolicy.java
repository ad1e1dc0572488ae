package io.ecsoperator.reconcilers.service.scaling;

import io.ecsoperator.crds.service.TargetTrackingPolicy;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

/**
 * A scaling policy in the form the diff compares and PutScalingPolicy sends: AWS's defaults for ECS
 * filled in (300 s cooldowns, scale-in enabled), so a spec that leaves them out equals AWS that
 * reports them, and a policy put from the spec is described back equal to it.
 *
 * @param policyType TargetTrackingScaling, or the type of a policy AWS has under a declared name
 * @param predefinedMetricType null when the policy tracks a customized metric or is no target
 *     tracking policy
 * @param resourceLabel the ALB target group of ALBRequestCountPerTarget, else null
 * @param targetValue null when the policy is no target tracking policy
 */
public record TrackingPolicy(
    String policyType,
    String predefinedMetricType,
    String resourceLabel,
    Double targetValue,
    int scaleInCooldown,
    int scaleOutCooldown,
    boolean disableScaleIn) {

  /** Application Auto Scaling's cooldown for ECS services when a policy names none. */
  static final int DEFAULT_COOLDOWN_SECONDS = 300;

  static final String TARGET_TRACKING = PolicyType.TARGET_TRACKING_SCALING.toString();

  /** The policy a spec entry asks for. */
  static TrackingPolicy of(TargetTrackingPolicy spec) {
    return new TrackingPolicy(
        TARGET_TRACKING,
        spec.predefinedMetricType == null ? null : spec.predefinedMetricType.name(),
        spec.resourceLabel,
        spec.targetValue,
        orDefault(spec.scaleInCooldown),
        orDefault(spec.scaleOutCooldown),
        Boolean.TRUE.equals(spec.disableScaleIn));
  }

  /** A policy as DescribeScalingPolicies reports it. */
  static TrackingPolicy of(ScalingPolicy aws) {
    TargetTrackingScalingPolicyConfiguration config =
        aws.targetTrackingScalingPolicyConfiguration();
    if (config == null) {
      return new TrackingPolicy(
          aws.policyTypeAsString(),
          null,
          null,
          null,
          DEFAULT_COOLDOWN_SECONDS,
          DEFAULT_COOLDOWN_SECONDS,
          false);
    }
    PredefinedMetricSpecification metric = config.predefinedMetricSpecification();
    return new TrackingPolicy(
        aws.policyTypeAsString(),
        metric == null ? null : metric.predefinedMetricTypeAsString(),
        metric == null || metric.resourceLabel() == null || metric.resourceLabel().isEmpty()
            ? null
            : metric.resourceLabel(),
        config.targetValue(),
        orDefault(config.scaleInCooldown()),
        orDefault(config.scaleOutCooldown()),
        Boolean.TRUE.equals(config.disableScaleIn()));
  }

  boolean isTargetTracking() {
    return TARGET_TRACKING.equals(policyType);
  }

  /**
   * The configuration PutScalingPolicy sends. Every value is sent, defaults included: an update of
   * an existing policy keeps what it leaves out, so a removed cooldown would otherwise stay.
   */
  TargetTrackingScalingPolicyConfiguration toAws() {
    return TargetTrackingScalingPolicyConfiguration.builder()
        .targetValue(targetValue)
        .predefinedMetricSpecification(
            PredefinedMetricSpecification.builder()
                .predefinedMetricType(predefinedMetricType)
                .resourceLabel(resourceLabel)
                .build())
        .scaleInCooldown(scaleInCooldown)
        .scaleOutCooldown(scaleOutCooldown)
        .disableScaleIn(disableScaleIn)
        .build();
  }

  /** Records each field where {@code actual} differs from this desired policy. */
  void compare(String path, TrackingPolicy actual, ChangeSet.Builder changes) {
    changes
        .compare(path + ".policyType", policyType, actual.policyType, ChangeStrategy.IN_PLACE)
        .compare(
            path + ".predefinedMetricType",
            predefinedMetricType,
            actual.predefinedMetricType,
            ChangeStrategy.IN_PLACE)
        .compare(
            path + ".resourceLabel", resourceLabel, actual.resourceLabel, ChangeStrategy.IN_PLACE)
        .compare(path + ".targetValue", targetValue, actual.targetValue, ChangeStrategy.IN_PLACE)
        .compare(
            path + ".scaleInCooldown",
            scaleInCooldown,
            actual.scaleInCooldown,
            ChangeStrategy.IN_PLACE)
        .compare(
            path + ".scaleOutCooldown",
            scaleOutCooldown,
            actual.scaleOutCooldown,
            ChangeStrategy.IN_PLACE)
        .compare(
            path + ".disableScaleIn",
            disableScaleIn,
            actual.disableScaleIn,
            ChangeStrategy.IN_PLACE);
  }

  private static int orDefault(Integer cooldown) {
    return cooldown == null ? DEFAULT_COOLDOWN_SECONDS : cooldown;
  }
}

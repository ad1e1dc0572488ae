package io.ecsoperator.reconcilers.service.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.ServiceAutoScaling;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import org.junit.jupiter.api.Test;

/** Turning real describe-scalable-targets and describe-scaling-policies outputs into state. */
class ScalingStateTest {

  @Test
  void theTargetKeepsItsArnAndCapacities() {
    ScalingState state = ScalingFixtures.web();

    assertThat(state.resourceId()).isEqualTo("service/shop/web");
    assertThat(state.targetArn()).isEqualTo(ScalingFixtures.TARGET_ARN);
    assertThat(state.minCapacity()).isEqualTo(2);
    assertThat(state.maxCapacity()).isEqualTo(10);
  }

  @Test
  void everyPolicyIsKeptByNameWithAwsDefaultsFilledIn() {
    ScalingState state = ScalingFixtures.web();

    assertThat(state.policies()).containsOnlyKeys("burst", "cpu", "memory", "requests");
    assertThat(state.policies().get("cpu"))
        .isEqualTo(
            new TrackingPolicy(
                "TargetTrackingScaling",
                "ECSServiceAverageCPUUtilization",
                null,
                60.0,
                300,
                300,
                false));
    assertThat(state.policies().get("memory"))
        .isEqualTo(
            new TrackingPolicy(
                "TargetTrackingScaling",
                "ECSServiceAverageMemoryUtilization",
                null,
                75.5,
                120,
                60,
                true));
    // No cooldowns or DisableScaleIn reported: AWS's defaults for ECS.
    assertThat(state.policies().get("requests"))
        .isEqualTo(
            new TrackingPolicy(
                "TargetTrackingScaling",
                "ALBRequestCountPerTarget",
                ScalingFixtures.ALB_LABEL,
                1000.0,
                300,
                300,
                false));
    assertThat(state.policies().get("burst").policyType()).isEqualTo("StepScaling");
    assertThat(state.policies().get("burst").targetValue()).isNull();
  }

  @Test
  void onlyTargetTrackingPoliciesAreTheSpecsToRemove() {
    assertThat(ScalingFixtures.web().trackingPolicies())
        .containsOnlyKeys("cpu", "memory", "requests");
  }

  @Test
  void policiesOfAnotherServiceAreLeftOut() {
    // moto answers ResourceId service/shop/web with the policies of service/shop/we as well.
    ScalingState state =
        ScalingFixtures.webWithPolicies(
            "resource/ecs/service/shop/web:policyName/memory\",\n"
                + "            \"PolicyName\": \"memory\",\n"
                + "            \"ServiceNamespace\": \"ecs\",\n"
                + "            \"ResourceId\": \"service/shop/web\"",
            "resource/ecs/service/shop/we:policyName/memory\",\n"
                + "            \"PolicyName\": \"memory\",\n"
                + "            \"ServiceNamespace\": \"ecs\",\n"
                + "            \"ResourceId\": \"service/shop/we\"");

    assertThat(state.policies()).containsOnlyKeys("burst", "cpu", "requests");
  }

  @Test
  void anEmptyResourceLabelIsNone() {
    ScalingState state =
        ScalingFixtures.webWithPolicies(
            "\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"",
            "\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\", \"ResourceLabel\": \"\"");

    assertThat(state.policies().get("cpu").resourceLabel()).isNull();
  }

  @Test
  void appliedHasTheDeclaredCapacitiesAndPoliciesAndKeepsThoseOfOtherTypes() {
    ServiceAutoScaling desired =
        ScalingFixtures.spec(
            """
            minCapacity: 1
            maxCapacity: 4
            targetTrackingPolicies:
              - {policyName: cpu, predefinedMetricType: ECSServiceAverageCPUUtilization, targetValue: 50}
            """);
    ScalingState before = ScalingFixtures.web();

    ScalingState applied =
        ScalingState.applied("service/shop/web", ScalingFixtures.TARGET_ARN, desired, before);

    assertThat(applied.targetArn()).isEqualTo(ScalingFixtures.TARGET_ARN);
    assertThat(applied.minCapacity()).isEqualTo(1);
    assertThat(applied.maxCapacity()).isEqualTo(4);
    assertThat(applied.policies()).containsOnlyKeys("burst", "cpu");
    assertThat(applied.policies().get("burst")).isEqualTo(before.policies().get("burst"));
    assertThat(applied.policies().get("cpu").targetValue()).isEqualTo(50.0);
    assertThat(
            ScalingDiff.diff(
                    desired,
                    applied,
                    new ScalingOwner(
                        new ResourceRef("apps", "web", "uid"), ScalingFixtures.TARGET_ARN, false))
                .isEmpty())
        .as("the spec matches what apply left")
        .isTrue();
  }

  @Test
  void appliedToAServiceWithoutTargetHasOnlyTheDeclared() {
    ServiceAutoScaling desired = ScalingFixtures.spec("minCapacity: 0\nmaxCapacity: 3\n");

    ScalingState applied =
        ScalingState.applied("service/shop/web", ScalingFixtures.TARGET_ARN, desired, null);

    assertThat(applied.resourceId()).isEqualTo("service/shop/web");
    assertThat(applied.minCapacity()).isZero();
    assertThat(applied.maxCapacity()).isEqualTo(3);
    assertThat(applied.policies()).isEmpty();
  }
}

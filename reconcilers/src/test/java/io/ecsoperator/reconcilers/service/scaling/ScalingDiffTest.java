package io.ecsoperator.reconcilers.service.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import org.junit.jupiter.api.Test;

/** The autoScaling diff against real describe outputs (DESIGN §7: no perpetual diffs). */
class ScalingDiffTest {

  private static final ResourceRef REF = new ResourceRef("shop", "web", "uid-1");

  /** This object registered the fixture's target. */
  private static final ScalingOwner OURS = new ScalingOwner(REF, ScalingFixtures.TARGET_ARN, false);

  /** The fixture's target, leaving out the defaults AWS fills in. */
  private static final String MATCHING =
      """
      minCapacity: 2
      maxCapacity: 10
      targetTrackingPolicies:
        - policyName: cpu
          predefinedMetricType: ECSServiceAverageCPUUtilization
          targetValue: 60
        - policyName: memory
          predefinedMetricType: ECSServiceAverageMemoryUtilization
          targetValue: 75.5
          scaleInCooldown: 120
          scaleOutCooldown: 60
          disableScaleIn: true
        - policyName: requests
          predefinedMetricType: ALBRequestCountPerTarget
          resourceLabel: app/shop-alb/50dc6c495c0c9188/targetgroup/shop-web/6d0ecf831eec9f09
          targetValue: 1000
      """;

  /** MATCHING with text replaced; fails when the text is not there. */
  private static String matching(String target, String replacement) {
    if (!MATCHING.contains(target)) {
      throw new IllegalArgumentException("MATCHING has no " + target);
    }
    return MATCHING.replace(target, replacement);
  }

  private static ChangeSet diff(String yaml, ScalingState actual, ScalingOwner owner) {
    return ScalingDiff.diff(ScalingFixtures.spec(yaml), actual, owner);
  }

  @Test
  void aSpecMatchingAwsIsNoChange() {
    assertThat(diff(MATCHING, ScalingFixtures.web(), OURS).changes()).isEmpty();
  }

  @Test
  void awsDefaultsDeclaredExplicitlyAreNoChange() {
    String explicit =
        matching(
            "    targetValue: 1000\n",
            "    targetValue: 1000\n"
                + "    scaleInCooldown: 300\n"
                + "    scaleOutCooldown: 300\n"
                + "    disableScaleIn: false\n");

    assertThat(diff(explicit, ScalingFixtures.web(), OURS).changes()).isEmpty();
  }

  @Test
  void policiesInAnotherOrderAreNoChange() {
    String reordered =
        """
        minCapacity: 2
        maxCapacity: 10
        targetTrackingPolicies:
          - policyName: requests
            predefinedMetricType: ALBRequestCountPerTarget
            resourceLabel: app/shop-alb/50dc6c495c0c9188/targetgroup/shop-web/6d0ecf831eec9f09
            targetValue: 1000.0
          - policyName: memory
            predefinedMetricType: ECSServiceAverageMemoryUtilization
            targetValue: 75.5
            scaleInCooldown: 120
            scaleOutCooldown: 60
            disableScaleIn: true
          - policyName: cpu
            predefinedMetricType: ECSServiceAverageCPUUtilization
            targetValue: 60.0
        """;

    assertThat(diff(reordered, ScalingFixtures.web(), OURS).changes()).isEmpty();
  }

  @Test
  void aChangedCapacityIsOneChange() {
    ChangeSet changes =
        diff(matching("maxCapacity: 10", "maxCapacity: 12"), ScalingFixtures.web(), OURS);

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange("autoScaling.maxCapacity", 12, 10, ChangeStrategy.IN_PLACE));
  }

  @Test
  void aChangedTargetValueNamesThePolicyAndField() {
    ChangeSet changes =
        diff(matching("targetValue: 60\n", "targetValue: 45\n"), ScalingFixtures.web(), OURS);

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "autoScaling.targetTrackingPolicies[cpu].targetValue",
                45.0,
                60.0,
                ChangeStrategy.IN_PLACE));
  }

  @Test
  void aRemovedCooldownGoesBackToAwsDefault() {
    ChangeSet changes =
        diff(matching("    scaleInCooldown: 120\n", ""), ScalingFixtures.web(), OURS);

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "autoScaling.targetTrackingPolicies[memory].scaleInCooldown",
                300,
                120,
                ChangeStrategy.IN_PLACE));
  }

  @Test
  void anotherTargetGroupIsAChange() {
    ChangeSet changes =
        diff(
            matching("shop-web/6d0ecf831eec9f09", "shop-web-v2/0a1b2c3d4e5f6a7b"),
            ScalingFixtures.web(),
            OURS);

    assertThat(changes.paths())
        .isEqualTo("autoScaling.targetTrackingPolicies[requests].resourceLabel");
  }

  @Test
  void anUndeclaredTargetTrackingPolicyIsToBeRemovedButAStepPolicyIsNot() {
    String withoutMemory =
        """
        minCapacity: 2
        maxCapacity: 10
        targetTrackingPolicies:
          - policyName: cpu
            predefinedMetricType: ECSServiceAverageCPUUtilization
            targetValue: 60
          - policyName: requests
            predefinedMetricType: ALBRequestCountPerTarget
            resourceLabel: app/shop-alb/50dc6c495c0c9188/targetgroup/shop-web/6d0ecf831eec9f09
            targetValue: 1000
        """;

    ChangeSet changes = diff(withoutMemory, ScalingFixtures.web(), OURS);

    assertThat(changes.changes()).hasSize(1);
    FieldChange removal = changes.changes().get(0);
    assertThat(removal.path()).isEqualTo("autoScaling.targetTrackingPolicies[memory]");
    assertThat(removal.desired()).isNull();
    assertThat(removal.actual()).isEqualTo(ScalingFixtures.web().policies().get("memory"));
  }

  @Test
  void withoutPoliciesEveryTargetTrackingPolicyIsToBeRemoved() {
    ChangeSet changes = diff("minCapacity: 2\nmaxCapacity: 10\n", ScalingFixtures.web(), OURS);

    assertThat(changes.paths())
        .isEqualTo(
            "autoScaling.targetTrackingPolicies[cpu], autoScaling.targetTrackingPolicies[memory],"
                + " autoScaling.targetTrackingPolicies[requests]");
  }

  @Test
  void aDeclaredNameThatIsAStepPolicyInAwsIsAChangeOfType() {
    String withBurst =
        MATCHING
            + """
              - policyName: burst
                predefinedMetricType: ECSServiceAverageCPUUtilization
                targetValue: 80
            """;

    ChangeSet changes = diff(withBurst, ScalingFixtures.web(), OURS);

    assertThat(changes.paths())
        .isEqualTo(
            "autoScaling.targetTrackingPolicies[burst].policyType,"
                + " autoScaling.targetTrackingPolicies[burst].predefinedMetricType,"
                + " autoScaling.targetTrackingPolicies[burst].targetValue");
  }

  @Test
  void aCustomizedMetricUnderADeclaredNameIsAChange() {
    ScalingState custom =
        ScalingFixtures.webWithPolicies(
            "\"PredefinedMetricSpecification\": {\n"
                + "                    \"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"\n"
                + "                }",
            "\"CustomizedMetricSpecification\": {\"MetricName\": \"QueueDepth\","
                + " \"Namespace\": \"Shop\", \"Statistic\": \"Average\"}");

    ChangeSet changes = diff(MATCHING, custom, OURS);

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "autoScaling.targetTrackingPolicies[cpu].predefinedMetricType",
                "ECSServiceAverageCPUUtilization",
                null,
                ChangeStrategy.IN_PLACE));
  }

  @Test
  void withoutATargetEveryDeclaredValueIsAChange() {
    ChangeSet changes = diff(MATCHING, null, new ScalingOwner(REF, null, false));

    assertThat(changes.paths())
        .isEqualTo(
            "autoScaling.minCapacity, autoScaling.maxCapacity,"
                + " autoScaling.targetTrackingPolicies[cpu],"
                + " autoScaling.targetTrackingPolicies[memory],"
                + " autoScaling.targetTrackingPolicies[requests]");
    assertThat(changes.changes()).allMatch(c -> c.actual() == null);
  }

  @Test
  void noBlockAndNoTargetIsNoChange() {
    assertThat(ScalingDiff.diff(null, null, new ScalingOwner(REF, null, false)).isEmpty()).isTrue();
  }

  @Test
  void noBlockAndOurTargetIsOneRemoval() {
    ChangeSet changes = ScalingDiff.diff(null, ScalingFixtures.web(), OURS);

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange("autoScaling", null, ScalingFixtures.web(), ChangeStrategy.IN_PLACE));
  }

  @Test
  void noBlockAndSomeoneElsesTargetIsNoChange() {
    ScalingOwner registeredNothing = new ScalingOwner(REF, null, false);
    ScalingOwner registeredAnEarlierTarget =
        new ScalingOwner(REF, ScalingFixtures.TARGET_ARN.replace("0ec5", "1fd6"), false);
    ScalingOwner adopting = new ScalingOwner(REF, null, true);

    assertThat(ScalingDiff.diff(null, ScalingFixtures.web(), registeredNothing).isEmpty()).isTrue();
    assertThat(ScalingDiff.diff(null, ScalingFixtures.web(), registeredAnEarlierTarget).isEmpty())
        .isTrue();
    // adopt takes over a target the spec declares; it never removes one the spec does not.
    assertThat(ScalingDiff.diff(null, ScalingFixtures.web(), adopting).isEmpty()).isTrue();
  }

  @Test
  void someoneElsesTargetIsAnOwnershipChangeEvenWhenItMatches() {
    ChangeSet changes = diff(MATCHING, ScalingFixtures.web(), new ScalingOwner(REF, null, false));

    assertThat(changes.paths()).isEqualTo("autoScaling.scalableTarget");
    assertThat(changes.changes().get(0).actual().toString())
        .contains(ScalingFixtures.TARGET_ARN)
        .contains("registered outside this object");
    assertThat(changes.changes().get(0).desired().toString()).contains("shop/web");
  }

  @Test
  void withAdoptSomeoneElsesTargetIsComparedLikeOurs() {
    ScalingOwner adopting = new ScalingOwner(REF, null, true);

    assertThat(diff(MATCHING, ScalingFixtures.web(), adopting).isEmpty()).isTrue();
    assertThat(
            diff(matching("minCapacity: 2", "minCapacity: 3"), ScalingFixtures.web(), adopting)
                .paths())
        .isEqualTo("autoScaling.minCapacity");
  }
}

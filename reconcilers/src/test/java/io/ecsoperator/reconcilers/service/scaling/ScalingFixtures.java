package io.ecsoperator.reconcilers.service.scaling;

import io.ecsoperator.crds.service.ServiceAutoScaling;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.testsupport.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;

/**
 * Outputs of {@code aws application-autoscaling describe-scalable-targets} and {@code
 * describe-scaling-policies} for an ECS service, saved under {@code fixtures/scaling/} with what
 * real AWS adds (RoleARN, SuspendedState, CreationTime, PolicyARN, Alarms, cooldowns), read into
 * the SDK model and converted the way {@link ServiceScaling#read()} converts a response.
 */
final class ScalingFixtures {

  /** Target service/shop/web, min 2 max 10. */
  static final String TARGETS = "describe-scalable-targets-web.json";

  /**
   * Its policies: cpu (60, cooldowns 300 as the console sets them), memory (75.5, cooldowns 120 in
   * / 60 out, scale-in disabled), requests (ALB, 1000, no cooldowns reported) and burst (a step
   * scaling policy).
   */
  static final String POLICIES = "describe-scaling-policies-web.json";

  static final String TARGET_ARN =
      "arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/"
          + "0ec5d2a4b8f14c6e9a1b3c5d7e9f0a2b4c6d";

  static final String ALB_LABEL =
      "app/shop-alb/50dc6c495c0c9188/targetgroup/shop-web/6d0ecf831eec9f09";

  private ScalingFixtures() {}

  /** The state from describe outputs given as text (e.g. a fixture with a value replaced). */
  static ScalingState state(String targetsOutput, String policiesOutput) {
    ScalableTarget target =
        SdkJson.fromJson(Json.parse(targetsOutput), DescribeScalableTargetsResponse.builder())
            .scalableTargets()
            .get(0);
    return ScalingState.of(
        target,
        SdkJson.fromJson(Json.parse(policiesOutput), DescribeScalingPoliciesResponse.builder())
            .scalingPolicies());
  }

  /** The web service's state as AWS describes it. */
  static ScalingState web() {
    return state(load(TARGETS), load(POLICIES));
  }

  static String load(String fixture) {
    String resource = "/fixtures/scaling/" + fixture;
    try (InputStream in = ScalingFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The web service's state with text of its policies output replaced. */
  static ScalingState webWithPolicies(String target, String replacement) {
    String policies = load(POLICIES);
    if (!policies.contains(target)) {
      throw new IllegalArgumentException(POLICIES + " has no " + target);
    }
    return state(load(TARGETS), policies.replace(target, replacement));
  }

  /** An autoScaling block as the API server hands it over: YAML through Fabric8's mapper. */
  static ServiceAutoScaling spec(String yaml) {
    return Specs.parse(yaml, ServiceAutoScaling.class);
  }
}

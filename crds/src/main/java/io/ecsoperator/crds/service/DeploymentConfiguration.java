package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.common.PolicyDocumentSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * How deployments replace tasks. Only the fields written here are compared with AWS; the others
 * keep AWS's values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.maximumPercent) || !has(self.minimumHealthyPercent) || self.maximumPercent >="
            + " self.minimumHealthyPercent",
    message = "maximumPercent must not be below minimumHealthyPercent",
    fieldPath = ".maximumPercent")
@ValidationRule(
    value = "!has(self.linearConfiguration) || (has(self.strategy) && self.strategy == 'LINEAR')",
    message = "linearConfiguration needs strategy LINEAR",
    fieldPath = ".linearConfiguration")
@ValidationRule(
    value = "!has(self.canaryConfiguration) || (has(self.strategy) && self.strategy == 'CANARY')",
    message = "canaryConfiguration needs strategy CANARY",
    fieldPath = ".canaryConfiguration")
public class DeploymentConfiguration {

  /** A percentage that is a multiple of 0.1 (within floating-point rounding). */
  static final String TENTHS =
      "self * 10.0 - double(int(self * 10.0 + 0.5)) < 0.000001"
          + " && self * 10.0 - double(int(self * 10.0 + 0.5)) > -0.000001";

  /** How a deployment moves from the old tasks to the new ones. */
  public enum Strategy {
    ROLLING,
    BLUE_GREEN,
    LINEAR,
    CANARY
  }

  @JsonPropertyDescription(
      "Stop a deployment whose tasks keep failing to start, and optionally roll back. Off when"
          + " omitted.")
  public DeploymentCircuitBreaker deploymentCircuitBreaker;

  @JsonPropertyDescription(
      "Upper limit of running tasks during a deployment, in percent of desiredCount, 0 to 2000."
          + " AWS default: 200 (REPLICA), 100 (DAEMON).")
  @Min(0)
  @Max(2000)
  public Integer maximumPercent;

  @JsonPropertyDescription(
      "Lower limit of healthy tasks during a deployment, in percent of desiredCount, 0 to 100."
          + " AWS default: 100 (REPLICA), 0 (DAEMON).")
  @Min(0)
  @Max(100)
  public Integer minimumHealthyPercent;

  @JsonPropertyDescription("CloudWatch alarms that fail a deployment, and optionally roll it back.")
  public DeploymentAlarms alarms;

  @JsonPropertyDescription(
      "ROLLING (AWS default), BLUE_GREEN, LINEAR or CANARY. The last three shift traffic between"
          + " two target groups (see loadBalancers[].advancedConfiguration).")
  public Strategy strategy;

  @JsonPropertyDescription(
      "Minutes both service revisions keep running after production traffic has moved, before"
          + " the old one stops (BLUE_GREEN, LINEAR, CANARY), 0 to 1440.")
  @Min(0)
  @Max(1440)
  public Integer bakeTimeInMinutes;

  @JsonPropertyDescription(
      "Lambda functions ECS calls, and pauses that wait for an approval, at stages of a"
          + " deployment; a failing or timed-out hook rolls it back unless its timeout says"
          + " CONTINUE. Compared as a set.")
  @Size(max = 10)
  public List<DeploymentLifecycleHook> lifecycleHooks;

  @JsonPropertyDescription("Traffic steps of a LINEAR deployment.")
  public LinearConfiguration linearConfiguration;

  @JsonPropertyDescription("The canary step of a CANARY deployment.")
  public CanaryConfiguration canaryConfiguration;

  /** Stops deployments whose tasks do not reach a steady state. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DeploymentCircuitBreaker {

    @JsonPropertyDescription("Turn the circuit breaker on.")
    public Boolean enable;

    @JsonPropertyDescription("Roll a failed deployment back to the last completed one.")
    public Boolean rollback;

    @JsonPropertyDescription(
        "Start counting failures again from 0 each time a task of the deployment becomes healthy."
            + " AWS default: true.")
    public Boolean resetOnHealthyTask;

    @JsonPropertyDescription(
        "How many failed tasks trip the circuit breaker. AWS default: BOUNDED_PERCENT 50.")
    public ThresholdConfiguration thresholdConfiguration;
  }

  /** The number of task failures a deployment's circuit breaker tolerates. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ThresholdConfiguration {

    /** How {@code value} becomes a number of failures. */
    public enum Type {
      COUNT,
      BOUNDED_PERCENT,
      UNBOUNDED_PERCENT
    }

    @JsonPropertyDescription(
        "COUNT: value is the number of failures; BOUNDED_PERCENT: value percent of desiredCount,"
            + " kept between 3 and 200; UNBOUNDED_PERCENT: the same without the bounds.")
    @Required
    public Type type;

    @JsonPropertyDescription("The count, or the percent of desiredCount.")
    @Required
    @Min(0)
    public Integer value;
  }

  /** CloudWatch alarms watched during deployments. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DeploymentAlarms {

    @JsonPropertyDescription("Names of the CloudWatch alarms, compared as a set.")
    @Size(max = 10)
    public List<@Size(min = 1, max = 255) String> alarmNames;

    @JsonPropertyDescription("Fail a deployment when one of the alarms goes to ALARM.")
    public Boolean enable;

    @JsonPropertyDescription("Roll a failed deployment back to the last completed one.")
    public Boolean rollback;
  }

  /**
   * A Lambda function ECS calls, or a pause that waits for an approval, at some stages of each
   * deployment.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value =
          DeploymentLifecycleHook.PAUSE
              + " ? !has(self.hookTargetArn) && !has(self.roleArn) && !has(self.hookDetails) :"
              + " has(self.hookTargetArn) && has(self.roleArn)",
      message =
          "an AWS_LAMBDA hook needs hookTargetArn and roleArn; a PAUSE hook takes neither, nor"
              + " hookDetails",
      fieldPath = ".hookTargetArn")
  @ValidationRule(
      value =
          "!"
              + DeploymentLifecycleHook.PAUSE
              + " || !has(self.lifecycleStages) || self.lifecycleStages.all(s, s !="
              + " 'TEST_TRAFFIC_SHIFT' && s != 'PRODUCTION_TRAFFIC_SHIFT')",
      message = "a PAUSE hook cannot wait during a traffic shift: use the stage before or after it",
      fieldPath = ".lifecycleStages")
  public static class DeploymentLifecycleHook {

    static final String PAUSE = "(has(self.targetType) && self.targetType == 'PAUSE')";

    /** What a hook is. */
    public enum TargetType {
      AWS_LAMBDA,
      PAUSE
    }

    /** Deployment stages a hook can run at. */
    public enum Stage {
      RECONCILE_SERVICE,
      PRE_SCALE_UP,
      POST_SCALE_UP,
      TEST_TRAFFIC_SHIFT,
      POST_TEST_TRAFFIC_SHIFT,
      PRE_PRODUCTION_TRAFFIC_SHIFT,
      PRODUCTION_TRAFFIC_SHIFT,
      POST_PRODUCTION_TRAFFIC_SHIFT
    }

    @JsonPropertyDescription(
        "AWS_LAMBDA (AWS default) calls hookTargetArn; PAUSE stops the deployment at the stage"
            + " until it is approved or rolled back (ContinueServiceDeployment), or times out.")
    public TargetType targetType;

    @JsonPropertyDescription("ARN of the Lambda function. Required for AWS_LAMBDA, not for PAUSE.")
    @Size(min = 1, max = 2048)
    public String hookTargetArn;

    @JsonPropertyDescription(
        "ARN of the IAM role ECS assumes to call the function. Required for AWS_LAMBDA, not for"
            + " PAUSE.")
    @Size(min = 1, max = 2048)
    public String roleArn;

    @JsonPropertyDescription(
        "Stages the hook runs at, compared as a set. A PAUSE hook cannot use TEST_TRAFFIC_SHIFT"
            + " nor PRODUCTION_TRAFFIC_SHIFT.")
    @Required
    @Size(min = 1, max = 8)
    @ValidationRule(
        value = "self.all(s, self.exists_one(o, o == s))",
        message = "each stage may appear once")
    public List<Stage> lifecycleStages;

    @JsonPropertyDescription(
        "Free-form details passed to the function as they are written (not for PAUSE).")
    @SchemaFrom(type = PolicyDocumentSchema.class)
    public JsonNode hookDetails;

    @JsonPropertyDescription(
        "How long ECS waits for the hook and what it does then. AWS default: 1440 minutes, then"
            + " ROLLBACK.")
    public HookTimeout timeoutConfiguration;
  }

  /** How long a hook may take, and what ECS does when it takes longer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class HookTimeout {

    /** What ECS does with the deployment when a hook times out. */
    public enum Action {
      ROLLBACK,
      CONTINUE
    }

    @JsonPropertyDescription("Minutes ECS waits for the hook, 1 to 20160. AWS default: 1440.")
    @Min(1)
    @Max(20160)
    public Integer timeoutInMinutes;

    @JsonPropertyDescription(
        "ROLLBACK (AWS default) rolls the deployment back; CONTINUE goes on to the next stage.")
    public Action action;
  }

  /** Equal traffic steps with a bake time between them. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class LinearConfiguration {

    @JsonPropertyDescription(
        "Percent of traffic moved per step, a multiple of 0.1 from 3 to 100. AWS default: 10.")
    @Min(3)
    @Max(100)
    @ValidationRule(value = TENTHS, message = "stepPercent must be a multiple of 0.1")
    public Double stepPercent;

    @JsonPropertyDescription("Minutes between steps, 0 to 1440. AWS default: 6.")
    @Min(0)
    @Max(1440)
    public Integer stepBakeTimeInMinutes;
  }

  /** A first small share of traffic, then the rest. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class CanaryConfiguration {

    @JsonPropertyDescription(
        "Percent of traffic sent to the canary, a multiple of 0.1 from 0.1 to 100. AWS default:"
            + " 5.")
    @Min(0.1)
    @Max(100)
    @ValidationRule(value = TENTHS, message = "canaryPercent must be a multiple of 0.1")
    public Double canaryPercent;

    @JsonPropertyDescription(
        "Minutes before the rest of the traffic moves, 0 to 1440. AWS default: 10.")
    @Min(0)
    @Max(1440)
    public Integer canaryBakeTimeInMinutes;
  }
}

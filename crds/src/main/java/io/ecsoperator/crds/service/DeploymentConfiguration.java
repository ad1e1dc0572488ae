package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.common.PolicyDocumentSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
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
      "Minutes both task sets keep running after traffic has moved, before the old one stops"
          + " (BLUE_GREEN, LINEAR, CANARY), 0 to 1440.")
  @Min(0)
  @Max(1440)
  public Integer bakeTimeInMinutes;

  @JsonPropertyDescription(
      "Lambda functions ECS calls at stages of a deployment; a failing hook rolls it back.")
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

  /** A Lambda function called at some stages of each deployment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DeploymentLifecycleHook {

    /** Deployment stages a hook can run at. */
    public enum Stage {
      RECONCILE_SERVICE,
      PRE_SCALE_UP,
      POST_SCALE_UP,
      TEST_TRAFFIC_SHIFT,
      POST_TEST_TRAFFIC_SHIFT,
      PRODUCTION_TRAFFIC_SHIFT,
      POST_PRODUCTION_TRAFFIC_SHIFT
    }

    @JsonPropertyDescription("ARN of the Lambda function.")
    @Size(min = 1, max = 2048)
    public String hookTargetArn;

    @JsonPropertyDescription("ARN of the IAM role ECS assumes to call the function.")
    @Size(min = 1, max = 2048)
    public String roleArn;

    @JsonPropertyDescription("Stages the hook runs at, compared as a set.")
    @Size(max = 7)
    public List<Stage> lifecycleStages;

    @JsonPropertyDescription("Free-form details passed to the function as they are written.")
    @SchemaFrom(type = PolicyDocumentSchema.class)
    public JsonNode hookDetails;
  }

  /** Equal traffic steps with a bake time between them. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class LinearConfiguration {

    @JsonPropertyDescription("Percent of traffic moved per step, 3 to 100.")
    @Min(3)
    @Max(100)
    public Double stepPercent;

    @JsonPropertyDescription("Minutes between steps, 0 to 1440.")
    @Min(0)
    @Max(1440)
    public Integer stepBakeTimeInMinutes;
  }

  /** A first small share of traffic, then the rest. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class CanaryConfiguration {

    @JsonPropertyDescription("Percent of traffic sent to the canary, 0.1 to 100.")
    @Min(0.1)
    @Max(100)
    public Double canaryPercent;

    @JsonPropertyDescription("Minutes before the rest of the traffic moves, 0 to 1440.")
    @Min(0)
    @Max(1440)
    public Integer canaryBakeTimeInMinutes;
  }
}

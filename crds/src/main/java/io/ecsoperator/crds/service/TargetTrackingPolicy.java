package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A target-tracking policy: keep one predefined ECS metric at a target value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.predefinedMetricType != 'ALBRequestCountPerTarget' || has(self.resourceLabel)",
    message =
        "resourceLabel is required with ALBRequestCountPerTarget:"
            + " app/<load-balancer>/<id>/targetgroup/<target-group>/<id>",
    fieldPath = ".resourceLabel")
@ValidationRule(
    value = "self.predefinedMetricType == 'ALBRequestCountPerTarget' || !has(self.resourceLabel)",
    message = "resourceLabel is only for ALBRequestCountPerTarget",
    fieldPath = ".resourceLabel")
public class TargetTrackingPolicy {

  @JsonPropertyDescription("Name of the scaling policy, unique within the service.")
  @Required
  @Size(min = 1, max = 256)
  @Pattern("^[^:/|]+$")
  public String policyName;

  @JsonPropertyDescription(
      "Metric to track: average CPU or memory utilization of the service's tasks, or requests per"
          + " target of an Application Load Balancer target group.")
  @Required
  public PredefinedMetricType predefinedMetricType;

  @JsonPropertyDescription(
      "For ALBRequestCountPerTarget: app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>.")
  @Size(max = 1023)
  @Pattern("^app/[^/]+/[^/]+/targetgroup/[^/]+/[^/]+$")
  public String resourceLabel;

  @JsonPropertyDescription(
      "Value to keep the metric at: a percentage for CPU and memory, requests per target for ALB.")
  @Required
  @Min(0.01)
  @Max(1000000)
  public Double targetValue;

  @JsonPropertyDescription("Seconds after a scale-in before another may start; AWS default 300.")
  @Min(0)
  @Max(86400)
  public Integer scaleInCooldown;

  @JsonPropertyDescription("Seconds after a scale-out before another may start; AWS default 300.")
  @Min(0)
  @Max(86400)
  public Integer scaleOutCooldown;

  @JsonPropertyDescription("When true, the policy only scales out; scale-in is left to others.")
  public Boolean disableScaleIn;

  public TargetTrackingPolicy() {}

  /** The three metrics Application Auto Scaling predefines for ECS services. */
  public enum PredefinedMetricType {
    ECSServiceAverageCPUUtilization,
    ECSServiceAverageMemoryUtilization,
    ALBRequestCountPerTarget
  }
}

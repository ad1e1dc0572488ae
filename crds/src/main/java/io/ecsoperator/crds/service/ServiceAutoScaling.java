package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Application Auto Scaling of a service's desired count: a scalable target on
 * service/&lt;cluster&gt;/&lt;service&gt; with target-tracking policies. While it is set, the
 * service's desiredCount is only the count it starts with; the scaler owns it afterwards. Removing
 * it deregisters the scalable target ecs-operator registered for this object, policies included; a
 * target registered by someone else is never changed or removed unless spec.adopt is true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.minCapacity <= self.maxCapacity",
    message = "minCapacity must not exceed maxCapacity",
    fieldPath = ".minCapacity")
@ValidationRule(
    value =
        "!has(self.targetTrackingPolicies) || self.targetTrackingPolicies.all(p,"
            + " self.targetTrackingPolicies.exists_one(q, q.policyName == p.policyName))",
    message = "targetTrackingPolicies[].policyName must be unique",
    fieldPath = ".targetTrackingPolicies")
public class ServiceAutoScaling {

  @JsonPropertyDescription("Fewest tasks the scaler may set, 0 to 100000.")
  @Required
  @Min(0)
  @Max(100000)
  public Integer minCapacity;

  @JsonPropertyDescription("Most tasks the scaler may set, 0 to 100000; at least minCapacity.")
  @Required
  @Min(0)
  @Max(100000)
  public Integer maxCapacity;

  @JsonPropertyDescription(
      "Target-tracking scaling policies. Target-tracking policies on the scalable target that are"
          + " not listed here are deleted; step and predictive scaling policies are left alone.")
  @Size(max = 20)
  public List<TargetTrackingPolicy> targetTrackingPolicies;

  public ServiceAutoScaling() {}

  public ServiceAutoScaling(
      Integer minCapacity, Integer maxCapacity, List<TargetTrackingPolicy> targetTrackingPolicies) {
    this.minCapacity = minCapacity;
    this.maxCapacity = maxCapacity;
    this.targetTrackingPolicies = targetTrackingPolicies;
  }
}

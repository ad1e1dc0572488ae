package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The scalable target ecs-operator registered (or adopted) for the service's desired count. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoScalingStatus {

  @JsonPropertyDescription(
      "ARN of the scalable target. It tells the target this object registered from one registered"
          + " by someone else under the same service: only this one is changed or removed.")
  public String scalableTargetARN;

  @JsonPropertyDescription("Fewest tasks the scaler may set, as Application Auto Scaling has it.")
  public Integer minCapacity;

  @JsonPropertyDescription("Most tasks the scaler may set, as Application Auto Scaling has it.")
  public Integer maxCapacity;
}

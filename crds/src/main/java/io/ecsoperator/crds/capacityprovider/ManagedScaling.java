package io.ecsoperator.crds.capacityprovider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Managed scaling of an Auto Scaling group provider; AWS's defaults apply to omitted fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedScaling {

  /** ENABLED or DISABLED. */
  public enum Status {
    ENABLED,
    DISABLED
  }

  @JsonPropertyDescription("Whether ECS scales the group: ENABLED or DISABLED (AWS's default).")
  public Status status;

  @JsonPropertyDescription(
      "Target utilization of the group's capacity, in percent, 1-100. Defaults to 100.")
  @Min(1)
  @Max(100)
  public Integer targetCapacity;

  @JsonPropertyDescription("Fewest instances to scale by at once, 1-10000. Defaults to 1.")
  @Min(1)
  @Max(10000)
  public Integer minimumScalingStepSize;

  @JsonPropertyDescription("Most instances to scale by at once, 1-10000. Defaults to 10000.")
  @Min(1)
  @Max(10000)
  public Integer maximumScalingStepSize;

  @JsonPropertyDescription(
      "Seconds a new instance takes to count in the group's metrics, 0-10000. Defaults to 300.")
  @Min(0)
  @Max(10000)
  public Integer instanceWarmupPeriod;
}

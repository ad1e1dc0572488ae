package io.ecsoperator.crds.capacityprovider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A capacity provider on an EC2 Auto Scaling group; attached to clusters by the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoScalingGroupProvider {

  /** ENABLED or DISABLED. */
  public enum Toggle {
    ENABLED,
    DISABLED
  }

  @JsonPropertyDescription(
      "ARN of the Auto Scaling group. Immutable (AWS's update has no such field).")
  @Required
  @Pattern("^arn:aws[a-z-]*:autoscaling:.+")
  public String autoScalingGroupArn;

  @JsonPropertyDescription("How ECS scales the group. Omitted fields take AWS's defaults.")
  public ManagedScaling managedScaling;

  @JsonPropertyDescription(
      "Whether instances running tasks are protected from scale-in: ENABLED needs managed scaling"
          + " and the group's scale-in protection. Defaults to DISABLED.")
  public Toggle managedTerminationProtection;

  @JsonPropertyDescription(
      "Whether ECS drains instances the group terminates. Defaults to ENABLED.")
  public Toggle managedDraining;
}

package io.ecsoperator.crds.capacityprovider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * An ECS Managed Instances provider: ECS launches and manages the instances; it belongs to one
 * cluster from its creation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedInstancesProvider {

  /** Where the provider's tags go. */
  public enum PropagateTags {
    CAPACITY_PROVIDER,
    NONE
  }

  @JsonPropertyDescription(
      "ARN of the IAM role ECS assumes to manage the instances (the infrastructure role).")
  @Required
  @Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+")
  public String infrastructureRoleArn;

  @JsonPropertyDescription("How the instances are launched.")
  @Required
  public InstanceLaunchTemplate instanceLaunchTemplate;

  @JsonPropertyDescription(
      "CAPACITY_PROVIDER copies the provider's tags to the instances; NONE (AWS's default) does"
          + " not.")
  public PropagateTags propagateTags;

  @JsonPropertyDescription("How ECS consolidates idle instances.")
  public InfrastructureOptimization infrastructureOptimization;

  /** When ECS may stop idle or under-used instances. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class InfrastructureOptimization {

    @JsonPropertyDescription(
        "Seconds an idle or under-used instance stays before ECS optimizes it away: -1 never,"
            + " 0-3600.")
    @Min(-1)
    @Max(3600)
    public Integer scaleInAfter;
  }
}

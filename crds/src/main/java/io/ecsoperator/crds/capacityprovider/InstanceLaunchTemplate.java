package io.ecsoperator.crds.capacityprovider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** How ECS Managed Instances launches instances (AWS's InstanceLaunchTemplate). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InstanceLaunchTemplate {

  /** CloudWatch monitoring of the instances. */
  public enum Monitoring {
    BASIC,
    DETAILED
  }

  /** How the instances are bought. */
  public enum CapacityOptionType {
    ON_DEMAND,
    SPOT,
    RESERVED
  }

  @JsonPropertyDescription("ARN of the instance profile the instances run with.")
  @Required
  @Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:instance-profile/.+")
  public String ec2InstanceProfileArn;

  @JsonPropertyDescription("Subnets and security groups of the instances.")
  @Required
  public NetworkConfiguration networkConfiguration;

  @JsonPropertyDescription("Root volume of the instances.")
  public StorageConfiguration storageConfiguration;

  @JsonPropertyDescription("BASIC (AWS's default) or DETAILED CloudWatch monitoring.")
  public Monitoring monitoring;

  @JsonPropertyDescription(
      "ON_DEMAND (AWS's default), SPOT or RESERVED (needs capacityReservations). Immutable.")
  public CapacityOptionType capacityOptionType;

  @JsonPropertyDescription("Capacity reservations to launch into, for RESERVED.")
  public CapacityReservations capacityReservations;

  @JsonPropertyDescription(
      "Whether the instances' metadata shows their tags. Defaults to true in AWS.")
  public Boolean instanceMetadataTagsPropagation;

  @JsonPropertyDescription("Whether the instances use FIPS-validated endpoints. Immutable.")
  public Boolean fipsEnabled;

  @JsonPropertyDescription(
      "Attribute-based selection of instance types (EC2's instance requirements); when omitted"
          + " ECS chooses.")
  public InstanceRequirements instanceRequirements;

  /** Subnets and security groups, compared as sets. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class NetworkConfiguration {

    @JsonPropertyDescription("Subnet IDs the instances are launched in, as a set.")
    @Required
    @Size(min = 1, max = 16)
    public List<@Pattern("^subnet-[0-9a-f]+$") String> subnets;

    @JsonPropertyDescription("Security group IDs of the instances, as a set.")
    @Size(max = 5)
    public List<@Pattern("^sg-[0-9a-f]+$") String> securityGroups;
  }

  /** The instances' root volume. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class StorageConfiguration {

    @JsonPropertyDescription("Size of the root volume in GiB.")
    @Min(1)
    @Max(16384)
    public Integer storageSizeGiB;
  }

  /** Capacity reservations for RESERVED capacity. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class CapacityReservations {

    @JsonPropertyDescription("ARN of the capacity reservation resource group.")
    public String reservationGroupArn;

    @JsonPropertyDescription("RESERVATIONS_ONLY, RESERVATIONS_FIRST or RESERVATIONS_EXCLUDED.")
    @Pattern("^(RESERVATIONS_ONLY|RESERVATIONS_FIRST|RESERVATIONS_EXCLUDED)$")
    public String reservationPreference;
  }
}

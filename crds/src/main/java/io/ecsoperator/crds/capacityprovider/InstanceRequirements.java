package io.ecsoperator.crds.capacityprovider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Attribute-based instance type selection, as AWS's InstanceRequirementsRequest; list fields are
 * compared as sets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InstanceRequirements {

  @JsonPropertyDescription("Number of vCPUs; min is required.")
  @Required
  @ValidationRule(value = "has(self.min)", message = "min is required")
  public Range vCpuCount;

  @JsonPropertyDescription("Memory in MiB; min is required.")
  @Required
  @ValidationRule(value = "has(self.min)", message = "min is required")
  public Range memoryMiB;

  @JsonPropertyDescription("intel, amd, amazon-web-services or apple.")
  public List<@Pattern("^(intel|amd|amazon-web-services|apple)$") String> cpuManufacturers;

  @JsonPropertyDescription("Memory per vCPU in GiB.")
  public DecimalRange memoryGiBPerVCpu;

  @JsonPropertyDescription("Instance types to leave out; '*' wildcards allowed (e.g. m5a.*).")
  @Size(max = 400)
  public List<String> excludedInstanceTypes;

  @JsonPropertyDescription("current and/or previous.")
  public List<@Pattern("^(current|previous)$") String> instanceGenerations;

  @JsonPropertyDescription("Price protection of Spot instances, in percent above the lowest.")
  @Min(0)
  public Integer spotMaxPricePercentageOverLowestPrice;

  @JsonPropertyDescription("Price protection of On-Demand instances, in percent above the lowest.")
  @Min(0)
  public Integer onDemandMaxPricePercentageOverLowestPrice;

  @JsonPropertyDescription("included, required or excluded.")
  @Pattern("^(included|required|excluded)$")
  public String bareMetal;

  @JsonPropertyDescription("included, required or excluded.")
  @Pattern("^(included|required|excluded)$")
  public String burstablePerformance;

  @JsonPropertyDescription("Whether the instances must support hibernation.")
  public Boolean requireHibernateSupport;

  @JsonPropertyDescription("Number of network interfaces.")
  public Range networkInterfaceCount;

  @JsonPropertyDescription("included, required or excluded.")
  @Pattern("^(included|required|excluded)$")
  public String localStorage;

  @JsonPropertyDescription("hdd and/or ssd.")
  public List<@Pattern("^(hdd|ssd)$") String> localStorageTypes;

  @JsonPropertyDescription("Local storage in GB.")
  public DecimalRange totalLocalStorageGB;

  @JsonPropertyDescription("Baseline EBS bandwidth in Mbps.")
  public Range baselineEbsBandwidthMbps;

  @JsonPropertyDescription("gpu, fpga or inference.")
  public List<@Pattern("^(gpu|fpga|inference)$") String> acceleratorTypes;

  @JsonPropertyDescription("Number of accelerators.")
  public Range acceleratorCount;

  @JsonPropertyDescription("amazon-web-services, amd, nvidia or xilinx.")
  public List<@Pattern("^(amazon-web-services|amd|nvidia|xilinx|habana)$") String>
      acceleratorManufacturers;

  @JsonPropertyDescription("Accelerator names, e.g. a100, t4, inferentia.")
  public List<String> acceleratorNames;

  @JsonPropertyDescription("Accelerator memory in MiB.")
  public Range acceleratorTotalMemoryMiB;

  @JsonPropertyDescription("Network bandwidth in Gbps.")
  public DecimalRange networkBandwidthGbps;

  @JsonPropertyDescription(
      "The only instance types to choose from; '*' wildcards allowed. Not with"
          + " excludedInstanceTypes.")
  @Size(max = 400)
  public List<String> allowedInstanceTypes;

  @JsonPropertyDescription(
      "Price protection of Spot instances, in percent of the optimal On-Demand price.")
  @Min(0)
  public Integer maxSpotPriceAsPercentageOfOptimalOnDemandPrice;

  /** A whole-number range; an omitted bound is open. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "!has(self.min) || !has(self.max) || self.min <= self.max",
      message = "min must not exceed max")
  public static class Range {
    @Min(0)
    public Integer min;

    @Min(0)
    public Integer max;
  }

  /** A decimal range; an omitted bound is open. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "!has(self.min) || !has(self.max) || self.min <= self.max",
      message = "min must not exceed max")
  public static class DecimalRange {
    @Min(0)
    public Double min;

    @Min(0)
    public Double max;
  }
}

package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The VPC placement of awsvpc tasks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AwsVpcConfiguration {

  /** Whether tasks get a public IP address. */
  public enum AssignPublicIp {
    ENABLED,
    DISABLED
  }

  @JsonPropertyDescription("Subnet IDs (subnet-...) of one VPC, 1 to 16, compared as a set.")
  @Required
  @Size(min = 1, max = 16)
  @ValidationRule(
      value = "self.all(s, self.exists_one(o, o == s))",
      message = "each subnet may appear once")
  public List<@Pattern("^subnet-[0-9a-f]+$") @Size(max = 64) String> subnets;

  @JsonPropertyDescription(
      "Security group IDs (sg-...), at most 5, compared as a set. When omitted, AWS uses the"
          + " VPC's default security group.")
  @Size(max = 5)
  @ValidationRule(
      value = "self.all(s, self.exists_one(o, o == s))",
      message = "each security group may appear once")
  public List<@Pattern("^sg-[0-9a-f]+$") @Size(max = 64) String> securityGroups;

  @JsonPropertyDescription("ENABLED gives each task a public IP; DISABLED (AWS default) does not.")
  public AssignPublicIp assignPublicIp;
}

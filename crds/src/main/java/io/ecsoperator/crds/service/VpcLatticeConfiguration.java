package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A VPC Lattice target group the service's tasks are registered in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VpcLatticeConfiguration {

  @JsonPropertyDescription("ARN of the IAM role ECS assumes to register the tasks.")
  @Required
  @Size(min = 1, max = 2048)
  public String roleArn;

  @JsonPropertyDescription("ARN of the VPC Lattice target group.")
  @Required
  @Size(min = 1, max = 2048)
  public String targetGroupArn;

  @JsonPropertyDescription("Name of the task definition port mapping to register.")
  @Required
  @Size(min = 1, max = 64)
  public String portName;
}

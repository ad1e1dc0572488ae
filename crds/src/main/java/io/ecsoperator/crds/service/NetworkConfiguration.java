package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Network settings of the service's tasks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkConfiguration {

  @JsonPropertyDescription(
      "Subnets, security groups and public IP of tasks using the awsvpc network mode (required"
          + " on Fargate).")
  @Required
  public AwsVpcConfiguration awsvpcConfiguration;
}

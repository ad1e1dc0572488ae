package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Cloud Map service the tasks are registered in for service discovery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceRegistry {

  @JsonPropertyDescription("ARN of the Cloud Map service.")
  @Required
  @Size(min = 1, max = 2048)
  public String registryArn;

  @JsonPropertyDescription("Port of SRV records, for tasks without awsvpc networking.")
  @Min(0)
  @Max(65535)
  public Integer port;

  @JsonPropertyDescription("Container whose port goes into SRV records.")
  @Size(min = 1, max = 255)
  public String containerName;

  @JsonPropertyDescription("Container port that goes into SRV records.")
  @Min(0)
  @Max(65535)
  public Integer containerPort;
}

package io.ecsoperator.crds.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.taskdefinition.EnvironmentFile;
import io.ecsoperator.crds.taskdefinition.KeyValuePair;
import io.ecsoperator.crds.taskdefinition.ResourceRequirement;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** What one container of the task changes of its definition for this run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContainerOverride {

  @JsonPropertyDescription("Name of the container in the task definition.")
  @Required
  @Size(min = 1, max = 255)
  public String name;

  @JsonPropertyDescription("Command, replacing the task definition's.")
  @Size(max = 256)
  public List<String> command;

  @JsonPropertyDescription("Environment variables added to, or replacing, the definition's.")
  @Size(max = 1000)
  public List<KeyValuePair> environment;

  @JsonPropertyDescription("Files of environment variables in S3, at most 10.")
  @Size(max = 10)
  public List<EnvironmentFile> environmentFiles;

  @JsonPropertyDescription("CPU units of the container.")
  @Min(0)
  public Integer cpu;

  @JsonPropertyDescription("Hard memory limit of the container, in MiB.")
  @Min(1)
  public Integer memory;

  @JsonPropertyDescription("Soft memory limit of the container, in MiB.")
  @Min(1)
  public Integer memoryReservation;

  @JsonPropertyDescription("GPUs reserved for the container.")
  @Size(max = 10)
  public List<ResourceRequirement> resourceRequirements;
}

package io.ecsoperator.crds.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.taskdefinition.EphemeralStorage;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** RunTask's overrides: what these tasks change of their task definition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskOverride {

  @JsonPropertyDescription("Changes per container, by container name.")
  @Size(max = 10)
  @ValidationRule(
      value = "self.all(c, self.exists_one(o, o.name == c.name))",
      message = "each container may be overridden once")
  public List<ContainerOverride> containerOverrides;

  @JsonPropertyDescription("Task CPU units, e.g. 512 or \"1 vCPU\".")
  @Size(min = 1, max = 32)
  public String cpu;

  @JsonPropertyDescription("Task memory in MiB, e.g. 2048 or \"2 GB\".")
  @Size(min = 1, max = 32)
  public String memory;

  @JsonPropertyDescription("ARN of the IAM role the containers use.")
  @Size(min = 1, max = 2048)
  public String taskRoleArn;

  @JsonPropertyDescription("ARN of the IAM role ECS uses to pull images and write logs.")
  @Size(min = 1, max = 2048)
  public String executionRoleArn;

  @JsonPropertyDescription("Fargate ephemeral storage of the tasks, 21 to 200 GiB.")
  public EphemeralStorage ephemeralStorage;
}

package io.ecsoperator.crds.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.cluster.CapacityProviderStrategyItem;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.crds.service.NetworkConfiguration;
import io.ecsoperator.crds.service.PlacementConstraint;
import io.ecsoperator.crds.service.PlacementStrategy;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * One run of a task definition: the RunTask fields an EcsTask runs once and an EcsScheduledTask
 * runs on its schedule, with AWS's JSON names. The tags of the tasks are the object's spec.tags.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.cluster) != has(self.clusterRef)",
    message = "set exactly one of cluster and clusterRef",
    fieldPath = ".cluster")
@ValidationRule(
    value = "has(self.taskDefinition) != has(self.taskDefinitionRef)",
    message = "set exactly one of taskDefinition and taskDefinitionRef",
    fieldPath = ".taskDefinition")
@ValidationRule(
    value = "!has(self.launchType) || !has(self.capacityProviderStrategy)",
    message = "set launchType or capacityProviderStrategy, not both",
    fieldPath = ".capacityProviderStrategy")
public class TaskTemplate {

  /** Where the tags of the tasks come from, besides spec.tags. */
  public enum PropagateTags {
    TASK_DEFINITION,
    NONE
  }

  @JsonPropertyDescription("The cluster, by name or ARN. Set this or clusterRef.")
  @Size(min = 1, max = 2048)
  @Pattern(EcsServiceSpec.CLUSTER_NAME_OR_ARN)
  public String cluster;

  @JsonPropertyDescription(
      "The EcsCluster object of this namespace to run in; the run waits until it is Ready. Set"
          + " this or cluster.")
  public LocalObjectReference clusterRef;

  @JsonPropertyDescription(
      "Task definition to run: family (its latest ACTIVE revision), family:revision or the"
          + " revision's ARN, resolved to a revision when the object is created. Set this or"
          + " taskDefinitionRef.")
  @Size(min = 1, max = 2048)
  public String taskDefinition;

  @JsonPropertyDescription(
      "The EcsTaskDefinition object of this namespace whose current revision runs: an EcsTask"
          + " is pinned to the revision current when it was created. Set this or taskDefinition.")
  public LocalObjectReference taskDefinitionRef;

  @JsonPropertyDescription(
      "EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES. Leave it out to use capacityProviderStrategy"
          + " or the cluster's default strategy.")
  public EcsServiceSpec.LaunchType launchType;

  @JsonPropertyDescription(
      "Capacity providers the tasks are placed on; omitted weights and bases are 0. Not with"
          + " launchType.")
  @Size(max = 20)
  @ValidationRule(
      value = CapacityProviderStrategyItem.ONE_ITEM_PER_PROVIDER,
      message = "each capacity provider may appear once in the strategy")
  @ValidationRule(
      value = CapacityProviderStrategyItem.ONE_BASE,
      message = "only one capacity provider of the strategy may have a base")
  public List<CapacityProviderStrategyItem> capacityProviderStrategy;

  @JsonPropertyDescription(
      "Fargate platform version, e.g. 1.4.0; LATEST (AWS default) when omitted.")
  @Size(min = 1, max = 32)
  public String platformVersion;

  @JsonPropertyDescription("Network settings of awsvpc tasks (required on Fargate).")
  public NetworkConfiguration networkConfiguration;

  @JsonPropertyDescription(
      "Changes to the task definition for these tasks: command, environment, cpu, memory,"
          + " roles, ephemeral storage.")
  public TaskOverride overrides;

  @JsonPropertyDescription("Number of tasks each run starts, 1 to 10 (AWS's limit). Default 1.")
  @Min(1)
  @Max(10)
  @Default("1")
  public Integer count;

  @JsonPropertyDescription("Task group of the tasks, e.g. the name of a batch job.")
  @Size(min = 1, max = 255)
  public String group;

  @JsonPropertyDescription(
      "Rules on which instances the tasks may run, at most 10 (not on Fargate).")
  @Size(max = 10)
  public List<PlacementConstraint> placementConstraints;

  @JsonPropertyDescription("How the tasks are spread over instances, at most 5 steps in order.")
  @Size(max = 5)
  public List<PlacementStrategy> placementStrategy;

  @JsonPropertyDescription(
      "TASK_DEFINITION copies the task definition's tags to the tasks; NONE (AWS default) does"
          + " not.")
  public PropagateTags propagateTags;

  @JsonPropertyDescription("Allow ECS Exec sessions into the tasks.")
  public Boolean enableExecuteCommand;

  @JsonPropertyDescription("Have ECS tag the tasks with the cluster name.")
  public Boolean enableECSManagedTags;
}

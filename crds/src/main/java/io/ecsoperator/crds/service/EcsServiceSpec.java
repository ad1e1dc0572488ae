package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.cluster.CapacityProviderStrategyItem;
import io.ecsoperator.crds.common.ManagedSpec;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Desired state of an ECS service: every CreateService and UpdateService field, with AWS's JSON
 * names, plus references to other objects, autoScaling and restartedAt. Fields left out keep AWS's
 * value: only declared fields are compared.
 */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value =
        "has(self.serviceName) == has(oldSelf.serviceName) && (!has(self.serviceName) ||"
            + " self.serviceName == oldSelf.serviceName)",
    message = "serviceName is immutable")
@ValidationRule(
    value =
        "has(self.cluster) == has(oldSelf.cluster) && (!has(self.cluster) || self.cluster =="
            + " oldSelf.cluster) && has(self.clusterRef) == has(oldSelf.clusterRef) &&"
            + " (!has(self.clusterRef) || self.clusterRef.name == oldSelf.clusterRef.name)",
    message = "cluster and clusterRef are immutable")
@ValidationRule(
    value =
        "has(self.launchType) == has(oldSelf.launchType) && (!has(self.launchType) ||"
            + " self.launchType == oldSelf.launchType)",
    message = "launchType is immutable")
@ValidationRule(
    value =
        "(has(self.schedulingStrategy) ? self.schedulingStrategy : 'REPLICA') =="
            + " (has(oldSelf.schedulingStrategy) ? oldSelf.schedulingStrategy : 'REPLICA')",
    message = "schedulingStrategy is immutable")
@ValidationRule(
    value = "has(self.role) == has(oldSelf.role) && (!has(self.role) || self.role == oldSelf.role)",
    message = "role is immutable")
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
@ValidationRule(
    value = EcsServiceSpec.NOT_DAEMON + " || !has(self.desiredCount)",
    message = "a DAEMON service runs one task per container instance: desiredCount is not allowed",
    fieldPath = ".desiredCount")
@ValidationRule(
    value = EcsServiceSpec.NOT_DAEMON + " || !has(self.autoScaling)",
    message = "a DAEMON service cannot be auto scaled",
    fieldPath = ".autoScaling")
@ValidationRule(
    value = EcsServiceSpec.NOT_DAEMON + " || !has(self.placementStrategy)",
    message = "a DAEMON service takes no placementStrategy",
    fieldPath = ".placementStrategy")
@ValidationRule(
    value =
        EcsServiceSpec.NOT_DAEMON
            + " || ((!has(self.launchType) || self.launchType != 'FARGATE') &&"
            + " !has(self.capacityProviderStrategy))",
    message = "a DAEMON service runs on EC2 or external instances: not on Fargate nor a strategy",
    fieldPath = ".schedulingStrategy")
@ValidationRule(
    value =
        "!"
            + EcsServiceSpec.SHIFTS_TRAFFIC
            + " || !has(self.loadBalancers) || self.loadBalancers.all(lb,"
            + " has(lb.advancedConfiguration))",
    message =
        "strategy BLUE_GREEN, LINEAR and CANARY shift traffic between two target groups: each"
            + " load balancer needs advancedConfiguration",
    fieldPath = ".loadBalancers")
@ValidationRule(
    value =
        "!"
            + EcsServiceSpec.SHIFTS_TRAFFIC
            + " || !has(self.deploymentController) || !has(self.deploymentController.type) ||"
            + " self.deploymentController.type == 'ECS'",
    message = "strategy BLUE_GREEN, LINEAR and CANARY need the ECS deployment controller",
    fieldPath = ".deploymentController")
public class EcsServiceSpec extends ManagedSpec {

  /** ECS service names: up to 255 letters, digits, '_' and '-'. */
  public static final String SERVICE_NAME_PATTERN = "^[a-zA-Z0-9_-]{1,255}$";

  /** The deployment strategies that move traffic between two target groups. */
  static final String SHIFTS_TRAFFIC =
      "(has(self.deploymentConfiguration) && has(self.deploymentConfiguration.strategy) &&"
          + " self.deploymentConfiguration.strategy in ['BLUE_GREEN', 'LINEAR', 'CANARY'])";

  /** A cluster by name or ARN. */
  public static final String CLUSTER_NAME_OR_ARN =
      "^([a-zA-Z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[a-zA-Z0-9_-]{1,255})$";

  static final String NOT_DAEMON =
      "!has(self.schedulingStrategy) || self.schedulingStrategy != 'DAEMON'";

  /** How the service's tasks are launched. */
  public enum LaunchType {
    EC2,
    FARGATE,
    EXTERNAL,
    MANAGED_INSTANCES
  }

  /** How the scheduler places tasks. */
  public enum SchedulingStrategy {
    REPLICA,
    DAEMON
  }

  /** Where the tags of the service's tasks come from. */
  public enum PropagateTags {
    TASK_DEFINITION,
    SERVICE,
    NONE
  }

  /** Whether ECS moves tasks to balance them over Availability Zones. */
  public enum AvailabilityZoneRebalancing {
    ENABLED,
    DISABLED
  }

  @JsonPropertyDescription(
      "Name of the service, unique in its cluster: up to 255 letters, digits, '_' and '-'."
          + " Defaults to metadata.name. Immutable.")
  @Pattern(SERVICE_NAME_PATTERN)
  public String serviceName;

  @JsonPropertyDescription(
      "The cluster, by name or ARN; a name and the ARN of that name are the same cluster. Set"
          + " this or clusterRef. Immutable.")
  @Size(min = 1, max = 2048)
  @Pattern(CLUSTER_NAME_OR_ARN)
  public String cluster;

  @JsonPropertyDescription(
      "The EcsCluster object of this namespace that is the service's cluster; the service waits"
          + " until it is Ready. Set this or cluster. Immutable.")
  public LocalObjectReference clusterRef;

  @JsonPropertyDescription(
      "Task definition to run: family (its latest ACTIVE revision), family:revision or the"
          + " revision's ARN; all are compared by the revision ARN they stand for. Set this or"
          + " taskDefinitionRef.")
  @Size(min = 1, max = 2048)
  public String taskDefinition;

  @JsonPropertyDescription(
      "The EcsTaskDefinition object of this namespace whose current revision the service runs:"
          + " a new revision of it is rolled out within seconds. The service waits until it is"
          + " Ready. Set this or taskDefinition.")
  public LocalObjectReference taskDefinitionRef;

  @JsonPropertyDescription(
      "Number of tasks to keep running, 0 to 100000. When omitted: 1 at creation"
          + " (autoScaling.minCapacity with autoScaling) and never compared afterwards. With"
          + " autoScaling it is only the count the service starts with: the scaler owns it then."
          + " Not allowed for DAEMON services.")
  @Min(0)
  @Max(100000)
  public Integer desiredCount;

  @JsonPropertyDescription(
      "EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES. Leave it out to use capacityProviderStrategy"
          + " or the cluster's default strategy. Immutable.")
  public LaunchType launchType;

  @JsonPropertyDescription(
      "Capacity providers the tasks are spread over, compared as a set; omitted weights and bases"
          + " are 0. Not with launchType.")
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
      "Load balancers the tasks are registered with, at most 5, compared as a set. An empty list"
          + " removes them; when omitted, AWS's are left as they are.")
  @Size(max = 5)
  public List<LoadBalancer> loadBalancers;

  @JsonPropertyDescription(
      "The Cloud Map service the tasks are registered in (at most one). An empty list removes"
          + " it; when omitted, AWS's is left as it is.")
  @Size(max = 1)
  public List<ServiceRegistry> serviceRegistries;

  @JsonPropertyDescription("How deployments replace tasks: percentages, circuit breaker, alarms.")
  public DeploymentConfiguration deploymentConfiguration;

  @JsonPropertyDescription("Who runs deployments: ECS (AWS default), CODE_DEPLOY or EXTERNAL.")
  public DeploymentController deploymentController;

  @JsonPropertyDescription(
      "Rules on which instances tasks may run, at most 10, compared as a set (not on Fargate).")
  @Size(max = 10)
  public List<PlacementConstraint> placementConstraints;

  @JsonPropertyDescription(
      "How tasks are spread over instances, at most 5 steps applied in order (not on Fargate nor"
          + " DAEMON).")
  @Size(max = 5)
  public List<PlacementStrategy> placementStrategy;

  @JsonPropertyDescription(
      "REPLICA (AWS default: desiredCount tasks) or DAEMON (one task per container instance)."
          + " Immutable.")
  public SchedulingStrategy schedulingStrategy;

  @JsonPropertyDescription(
      "Seconds ECS ignores failing load balancer health checks of a new task, 0 to 2147483647"
          + " (AWS default 0).")
  @Min(0)
  @Max(2147483647)
  public Integer healthCheckGracePeriodSeconds;

  @JsonPropertyDescription("Allow ECS Exec sessions into the service's tasks.")
  public Boolean enableExecuteCommand;

  @JsonPropertyDescription("Have ECS tag the tasks with the cluster and service names.")
  public Boolean enableECSManagedTags;

  @JsonPropertyDescription(
      "Copy tags to the tasks from the TASK_DEFINITION or the SERVICE; NONE (AWS default) does"
          + " not.")
  public PropagateTags propagateTags;

  @JsonPropertyDescription(
      "ENABLED lets ECS move tasks to balance them over Availability Zones; DISABLED does not.")
  public AvailabilityZoneRebalancing availabilityZoneRebalancing;

  @JsonPropertyDescription("Service Connect: endpoints in a Cloud Map namespace.")
  public ServiceConnectConfiguration serviceConnectConfiguration;

  @JsonPropertyDescription(
      "Volumes of the task definition that ECS creates for each task (one EBS volume).")
  @Size(max = 1)
  public List<ServiceVolumeConfiguration> volumeConfigurations;

  @JsonPropertyDescription("VPC Lattice target groups the tasks are registered in, as a set.")
  @Size(max = 5)
  public List<VpcLatticeConfiguration> vpcLatticeConfigurations;

  @JsonPropertyDescription(
      "IAM role (name or ARN) ECS uses for a Classic Load Balancer; normally left out, ECS then"
          + " uses its service-linked role. A name and its ARN are the same role. Immutable.")
  @Size(min = 1, max = 2048)
  public String role;

  @JsonPropertyDescription(
      "Application Auto Scaling of desiredCount: bounds and target-tracking policies. While set,"
          + " desiredCount is never reverted, so the scaler and the operator never fight.")
  public ServiceAutoScaling autoScaling;

  @JsonPropertyDescription(
      "A time (RFC 3339, e.g. 2025-01-31T12:00:00Z); each change starts exactly one new"
          + " deployment of the same task definition, like kubectl rollout restart. Also retries a"
          + " rollout that failed.")
  @Pattern(
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$")
  public String restartedAt;

  public boolean daemon() {
    return schedulingStrategy == SchedulingStrategy.DAEMON;
  }
}

package io.ecsoperator.crds.capacityprovider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Desired state of an ECS capacity provider; field names follow CreateCapacityProvider. Exactly one
 * provider type; a Managed Instances provider names its cluster, an Auto Scaling group one does not
 * (clusters name it in their capacityProviders).
 */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value = "has(self.name) == has(oldSelf.name) && (!has(self.name) || self.name == oldSelf.name)",
    message = "name is immutable")
@ValidationRule(
    value = "has(self.autoScalingGroupProvider) != has(self.managedInstancesProvider)",
    message = "set exactly one of autoScalingGroupProvider and managedInstancesProvider",
    fieldPath = ".autoScalingGroupProvider")
@ValidationRule(
    value = "!has(self.managedInstancesProvider) || has(self.cluster) != has(self.clusterRef)",
    message =
        "a managedInstancesProvider belongs to one cluster: set exactly one of cluster and"
            + " clusterRef",
    fieldPath = ".cluster")
@ValidationRule(
    value = "!has(self.autoScalingGroupProvider) || (!has(self.cluster) && !has(self.clusterRef))",
    message =
        "an autoScalingGroupProvider is attached by the cluster's capacityProviders: cluster and"
            + " clusterRef are not allowed",
    fieldPath = ".cluster")
@ValidationRule(
    value =
        "has(self.autoScalingGroupProvider) == has(oldSelf.autoScalingGroupProvider) &&"
            + " has(self.managedInstancesProvider) == has(oldSelf.managedInstancesProvider)",
    message = "the provider type is immutable")
@ValidationRule(
    value =
        "has(self.cluster) == has(oldSelf.cluster) && (!has(self.cluster) || self.cluster =="
            + " oldSelf.cluster) && has(self.clusterRef) == has(oldSelf.clusterRef) &&"
            + " (!has(self.clusterRef) || self.clusterRef.name == oldSelf.clusterRef.name)",
    message = "cluster and clusterRef are immutable")
@ValidationRule(
    value =
        "!has(self.autoScalingGroupProvider) || !has(oldSelf.autoScalingGroupProvider) ||"
            + " self.autoScalingGroupProvider.autoScalingGroupArn =="
            + " oldSelf.autoScalingGroupProvider.autoScalingGroupArn",
    message = "autoScalingGroupProvider.autoScalingGroupArn is immutable",
    fieldPath = ".autoScalingGroupProvider.autoScalingGroupArn")
@ValidationRule(
    value =
        "!has(self.managedInstancesProvider) || !has(oldSelf.managedInstancesProvider) ||"
            + " ((has(self.managedInstancesProvider.instanceLaunchTemplate.capacityOptionType) ?"
            + " self.managedInstancesProvider.instanceLaunchTemplate.capacityOptionType :"
            + " 'ON_DEMAND') =="
            + " (has(oldSelf.managedInstancesProvider.instanceLaunchTemplate.capacityOptionType) ?"
            + " oldSelf.managedInstancesProvider.instanceLaunchTemplate.capacityOptionType :"
            + " 'ON_DEMAND') &&"
            + " (has(self.managedInstancesProvider.instanceLaunchTemplate.fipsEnabled) &&"
            + " self.managedInstancesProvider.instanceLaunchTemplate.fipsEnabled) =="
            + " (has(oldSelf.managedInstancesProvider.instanceLaunchTemplate.fipsEnabled) &&"
            + " oldSelf.managedInstancesProvider.instanceLaunchTemplate.fipsEnabled))",
    message =
        "managedInstancesProvider.instanceLaunchTemplate.capacityOptionType and fipsEnabled are"
            + " immutable",
    fieldPath = ".managedInstancesProvider.instanceLaunchTemplate")
public class EcsCapacityProviderSpec extends ManagedSpec {

  @JsonPropertyDescription(
      "Name of the capacity provider: up to 255 letters, digits, '_' and '-', not starting with"
          + " aws, ecs or fargate. Defaults to metadata.name. Immutable.")
  @Pattern("^[a-zA-Z0-9_-]{1,255}$")
  @ValidationRule(
      value = "!self.lowerAscii().matches('^(aws|ecs|fargate)')",
      message = "capacity provider names may not start with aws, ecs or fargate")
  public String name;

  @JsonPropertyDescription(
      "The cluster (name or ARN) a managedInstancesProvider belongs to; not allowed for an"
          + " autoScalingGroupProvider. Set this or clusterRef. Immutable.")
  @Size(min = 1, max = 2048)
  public String cluster;

  @JsonPropertyDescription(
      "The EcsCluster object of this namespace a managedInstancesProvider belongs to; the"
          + " provider waits until it is Ready. Set this or cluster. Immutable.")
  public LocalObjectReference clusterRef;

  @JsonPropertyDescription(
      "A provider on an EC2 Auto Scaling group. Set this or managedInstancesProvider.")
  public AutoScalingGroupProvider autoScalingGroupProvider;

  @JsonPropertyDescription(
      "An ECS Managed Instances provider. Set this or autoScalingGroupProvider.")
  public ManagedInstancesProvider managedInstancesProvider;
}

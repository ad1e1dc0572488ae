package io.ecsoperator.operator.capacityprovider;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/**
 * The EcsCapacityProvider cases of {@link ValidationCases}: its schema's checks and one case per
 * CEL rule.
 */
public final class EcsCapacityProviderValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
        new Case(
            "EcsCapacityProvider",
            "ecs-workers",
            ASG_PROVIDER,
            "spec.name",
            "metadata.name is not a valid capacity provider name"),
        capacityProvider(
            "tags: {team: shop}",
            "spec.autoScalingGroupProvider",
            "set exactly one of autoScalingGroupProvider and managedInstancesProvider"),
        capacityProvider(
            ASG_PROVIDER + "cluster: shop",
            "spec.cluster",
            "an autoScalingGroupProvider is attached by the cluster's capacityProviders"),
        capacityProvider(
            ASG_PROVIDER + "name: fargate-workers",
            "spec.name",
            "capacity provider names may not start with aws, ecs or fargate"),
        capacityProvider(
            managedInstances("{vCpuCount: {min: 2}, memoryMiB: {min: 4096}}"),
            "spec.cluster",
            "a managedInstancesProvider belongs to one cluster"),
        capacityProvider(
            "cluster: shop\n"
                + managedInstances("{vCpuCount: {min: 8, max: 2}, memoryMiB: {min: 4096}}"),
            "spec.managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount",
            "min must not exceed max"),
        capacityProvider(
            "cluster: shop\n" + managedInstances("{vCpuCount: {max: 8}, memoryMiB: {min: 4096}}"),
            "spec.managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount",
            "min is required"));
  }

  private static Case capacityProvider(String spec, String field, String message) {
    return new Case("EcsCapacityProvider", "shop-ec2", spec, field, message);
  }

  /** A Managed Instances provider with these instance requirements, without its cluster. */
  private static String managedInstances(String requirements) {
    return "managedInstancesProvider:\n"
        + "  infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole\n"
        + "  instanceLaunchTemplate:\n"
        + "    ec2InstanceProfileArn: arn:aws:iam::123456789012:instance-profile/ecsInstanceRole\n"
        + "    networkConfiguration: {subnets: [subnet-0a1b2c3d]}\n"
        + "    instanceRequirements: "
        + requirements
        + "\n";
  }

  /** An Auto Scaling group capacity provider, valid on its own. */
  private static final String ASG_PROVIDER =
      "autoScalingGroupProvider:\n"
          + "  autoScalingGroupArn: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
          + "9f8e7d6c-1111-2222-3333-444455556666:autoScalingGroupName/shop-ec2\n";
}

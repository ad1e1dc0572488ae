package io.ecsoperator.operator.capacityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import io.ecsoperator.testsupport.Processes;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Admission of EcsCapacityProvider manifests by the real API server with the chart's CRDs: one
 * provider type, the cluster rules of each type, ranges and immutable fields.
 */
class EcsCapacityProviderValidationIT extends ManifestValidation {

  private static final String ASG =
      """
      autoScalingGroupProvider:
        autoScalingGroupArn: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/g
        managedScaling: {status: ENABLED, targetCapacity: 80}
      """;

  private static final String MANAGED =
      """
      managedInstancesProvider:
        infrastructureRoleArn: arn:aws:iam::123456789012:role/infra
        instanceLaunchTemplate:
          ec2InstanceProfileArn: arn:aws:iam::123456789012:instance-profile/ecs
          networkConfiguration: {subnets: [subnet-0a1b]}
      """;

  EcsCapacityProviderValidationIT() {
    super("EcsCapacityProvider", "ecscapacityproviders", "cp-validation", "provider");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid(
            "neither provider type",
            "tags: {team: web}",
            "spec.autoScalingGroupProvider",
            "set exactly one of autoScalingGroupProvider and managedInstancesProvider"),
        invalid(
            "both provider types",
            ASG + MANAGED + "cluster: shop\n",
            "spec.autoScalingGroupProvider",
            "set exactly one of autoScalingGroupProvider and managedInstancesProvider"),
        invalid(
            "Managed Instances without a cluster",
            MANAGED,
            "spec.cluster",
            "a managedInstancesProvider belongs to one cluster"),
        invalid(
            "Managed Instances with cluster and clusterRef",
            MANAGED + "cluster: shop\nclusterRef: {name: shop}\n",
            "spec.cluster",
            "a managedInstancesProvider belongs to one cluster"),
        invalid(
            "an Auto Scaling group provider with a cluster",
            ASG + "cluster: shop\n",
            "spec.cluster",
            "an autoScalingGroupProvider is attached by the cluster's capacityProviders"),
        invalid(
            "an Auto Scaling group provider with a clusterRef",
            ASG + "clusterRef: {name: shop}\n",
            "spec.cluster",
            "an autoScalingGroupProvider is attached by the cluster's capacityProviders"),
        invalid(
            "targetCapacity 0",
            ASG.replace("targetCapacity: 80", "targetCapacity: 0"),
            "spec.autoScalingGroupProvider.managedScaling.targetCapacity",
            "should be greater than or equal to 1"),
        invalid(
            "targetCapacity 101",
            ASG.replace("targetCapacity: 80", "targetCapacity: 101"),
            "spec.autoScalingGroupProvider.managedScaling.targetCapacity",
            "should be less than or equal to 100"),
        invalid(
            "unknown managed scaling status",
            ASG.replace("status: ENABLED", "status: FULL"),
            "spec.autoScalingGroupProvider.managedScaling.status",
            "Unsupported value: \"FULL\""),
        invalid(
            "no group ARN",
            "autoScalingGroupProvider: {managedDraining: ENABLED}",
            "spec.autoScalingGroupProvider.autoScalingGroupArn",
            "Required value"),
        invalid(
            "a name starting with ecs",
            ASG + "name: ecs-capacity\n",
            "spec.name",
            "may not start with aws, ecs or fargate"),
        invalid(
            "unknown capacityOptionType",
            MANAGED.replace(
                    "networkConfiguration:", "capacityOptionType: CHEAP\n    networkConfiguration:")
                + "cluster: shop\n",
            "spec.managedInstancesProvider.instanceLaunchTemplate.capacityOptionType",
            "Unsupported value: \"CHEAP\""),
        invalid(
            "instance requirements without a vCPU minimum",
            MANAGED.replace(
                    "networkConfiguration:",
                    "instanceRequirements: {vCpuCount: {max: 4}, memoryMiB: {min: 1024}}\n"
                        + "    networkConfiguration:")
                + "cluster: shop\n",
            "spec.managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount",
            "min is required"),
        invalid(
            "a range with min above max",
            MANAGED.replace(
                    "networkConfiguration:",
                    "instanceRequirements: {vCpuCount: {min: 8, max: 4}, memoryMiB: {min: 1024}}\n"
                        + "    networkConfiguration:")
                + "cluster: shop\n",
            "spec.managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount",
            "min must not exceed max"),
        invalid(
            "a subnet that is no subnet ID",
            MANAGED.replace("subnet-0a1b", "net-1") + "cluster: shop\n",
            "spec.managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.subnets[0]",
            "should match"),
        invalid(
            "tag key with the aws: prefix",
            ASG + "tags: {\"aws:team\": web}\n",
            "spec.tags",
            "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved"));
  }

  static Stream<Arguments> validManifests() throws IOException {
    return Stream.of(
        Arguments.of("the EC2 example", exampleSpec("ec2-capacity.yaml")),
        Arguments.of("the Managed Instances example", exampleSpec("managed-instances.yaml")),
        Arguments.of("Managed Instances by clusterRef", MANAGED + "clusterRef: {name: shop}\n"),
        Arguments.of("a bare Auto Scaling group provider", ASG));
  }

  static Stream<Arguments> immutableChanges() {
    String managed = MANAGED + "cluster: shop\n";
    return Stream.of(
        Arguments.of(
            ASG,
            ASG.replace("autoScalingGroupName/g", "autoScalingGroupName/h"),
            "autoScalingGroupProvider.autoScalingGroupArn is immutable"),
        Arguments.of(ASG + "name: one\n", ASG + "name: two\n", "name is immutable"),
        Arguments.of(managed, MANAGED + "cluster: other\n", "cluster and clusterRef are immutable"),
        Arguments.of(
            managed,
            managed.replace(
                "networkConfiguration:", "capacityOptionType: SPOT\n    networkConfiguration:"),
            "capacityOptionType and fipsEnabled are immutable"),
        Arguments.of(ASG, managed, "the provider type is immutable"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("immutableChanges")
  void changingAnImmutableFieldIsRefused(String original, String changed, String message) {
    assertChangeRefused(original, changed, message);
  }

  @Test
  void managedScalingAndManagedInstancesSettingsCanChange() {
    String object = nextName();
    apply(manifest(object, ASG)).assertSuccess("apply the original");

    apply(manifest(object, ASG.replace("targetCapacity: 80", "targetCapacity: 60")))
        .assertSuccess("apply a new target capacity");

    assertThat(get(object, "{.spec.autoScalingGroupProvider.managedScaling.targetCapacity}"))
        .isEqualTo("60");
  }

  @Test
  void aNewObjectShowsInProgressStatusAndThePrinterColumns() {
    String object = nextName();
    Processes.Result applied = apply(manifest(object, ASG));
    applied.assertSuccess("apply");

    assertThat(get(object, "{.status.observedGeneration}")).isEqualTo("-1");
    String header =
        bed.kubectl("get", "ecscapacityproviders", "-n", namespace, "-o", "wide")
            .assertSuccess("get -o wide")
            .stdout()
            .lines()
            .findFirst()
            .orElseThrow();
    assertThat(header.split("\\s+")).containsExactly("NAME", "READY", "STATUS", "AGE", "ARN");
  }
}

package io.ecsoperator.reconcilers.capacityprovider;

import static io.ecsoperator.reconcilers.capacityprovider.CapacityProviderFixtures.read;
import static io.ecsoperator.reconcilers.capacityprovider.CapacityProviderFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import org.junit.jupiter.api.Test;

/** The capacity provider diff against describe-capacity-providers output (DESIGN §7). */
class EcsCapacityProviderDiffTest {

  private static final String ASG_ARN =
      "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:57ffcb94-11f0-4d6d-bf60-3bac5EXAMPLE:autoScalingGroupName/shop-ec2";

  private static final String MANAGED =
      """
      cluster: shop
      managedInstancesProvider:
        infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
        instanceLaunchTemplate:
          ec2InstanceProfileArn: arn:aws:iam::123456789012:instance-profile/ecsInstanceRole
          networkConfiguration:
            subnets: [subnet-0a1b2c3d, subnet-4e5f6a7b]
            securityGroups: [sg-0123abcd]
          storageConfiguration: {storageSizeGiB: 50}
          instanceRequirements:
            vCpuCount: {min: 2, max: 8}
            memoryMiB: {min: 4096, max: 32768}
            instanceGenerations: [current]
            burstablePerformance: excluded
        propagateTags: CAPACITY_PROVIDER
        infrastructureOptimization: {scaleInAfter: 300}
      tags: {team: shop}
      """;

  private final EcsCapacityProviderState asg =
      read("describe-capacity-providers-asg.json", "shop-ec2");
  private final EcsCapacityProviderState managed =
      read("describe-capacity-providers-managed.json", "shop-managed");

  private static String asgSpec(String managedScaling) {
    return """
        autoScalingGroupProvider:
          autoScalingGroupArn: %s
          managedScaling: %s
        tags: {team: shop}
        """
        .formatted(ASG_ARN, managedScaling);
  }

  @Test
  void awsDefaultsOfManagedScalingAndDrainingAreNotDrift() {
    assertThat(diff(asgSpec("{status: ENABLED, targetCapacity: 80}"), asg).changes()).isEmpty();
  }

  @Test
  void aChangedTargetCapacityIsAnInPlaceChange() {
    ChangeSet changes = diff(asgSpec("{status: ENABLED, targetCapacity: 60}"), asg);

    assertThat(changes.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path())
                  .isEqualTo("autoScalingGroupProvider.managedScaling.targetCapacity");
              assertThat(c.strategy()).isEqualTo(ChangeStrategy.IN_PLACE);
            });
  }

  @Test
  void anOmittedTargetCapacityIsAwsDefaultOf100() {
    assertThat(diff(asgSpec("{status: ENABLED}"), asg).changes())
        .extracting(FieldChange::path)
        .containsExactly("autoScalingGroupProvider.managedScaling.targetCapacity");
  }

  @Test
  void drainingDisabledDiffersFromAwsDefault() {
    String spec =
        asgSpec("{status: ENABLED, targetCapacity: 80}")
            .replace("  managedScaling:", "  managedDraining: DISABLED\n  managedScaling:");

    assertThat(diff(spec, asg).changes())
        .extracting(FieldChange::path)
        .containsExactly("autoScalingGroupProvider.managedDraining");
  }

  @Test
  void anotherGroupCannotChangeInPlace() {
    String spec = asgSpec("{status: ENABLED, targetCapacity: 80}").replace("shop-ec2\n", "other\n");

    assertThat(diff(spec, asg).only(ChangeStrategy.REPLACE))
        .extracting(FieldChange::path)
        .containsExactly("autoScalingGroupProvider.autoScalingGroupArn");
  }

  @Test
  void theManagedInstancesExampleMatchesWithSubnetsAsASetAndAwsDefaults() {
    assertThat(diff(MANAGED, managed).changes()).isEmpty();
  }

  @Test
  void spotCapacityCannotChangeInPlaceButMonitoringCan() {
    String spec =
        MANAGED.replace(
            "    networkConfiguration:",
            "    capacityOptionType: SPOT\n    monitoring: DETAILED\n    networkConfiguration:");

    ChangeSet changes = diff(spec, managed);

    assertThat(changes.only(ChangeStrategy.REPLACE))
        .extracting(FieldChange::path)
        .containsExactly("managedInstancesProvider.instanceLaunchTemplate.capacityOptionType");
    assertThat(changes.only(ChangeStrategy.IN_PLACE))
        .extracting(FieldChange::path)
        .containsExactly("managedInstancesProvider.instanceLaunchTemplate.monitoring");
  }

  @Test
  void aChangedInstanceRequirementAndTagsAreFound() {
    String spec = MANAGED.replace("max: 8", "max: 16").replace("team: shop", "team: web");

    assertThat(diff(spec, managed).changes())
        .extracting(FieldChange::path, FieldChange::strategy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount.max",
                ChangeStrategy.IN_PLACE),
            org.assertj.core.groups.Tuple.tuple("tags", ChangeStrategy.TAGS_ONLY));
  }

  private static ChangeSet diff(String yaml, EcsCapacityProviderState actual) {
    return EcsCapacityProviderDiff.diff(spec(yaml), actual);
  }
}

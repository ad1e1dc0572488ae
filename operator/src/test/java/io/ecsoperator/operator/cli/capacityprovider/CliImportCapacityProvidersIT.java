package io.ecsoperator.operator.cli.capacityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.cli.CliHarness;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * {@code import --cluster} of a cluster made by hand on the bed with an Auto Scaling group provider
 * (associated, in its default strategy) and a Managed Instances provider of its own: the providers
 * come with the cluster, which refers to them, and plan on the result shows no change.
 */
class CliImportCapacityProvidersIT {

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void handMadeCluster() {
    cli.bed.resetAws();
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      EcsClient ecs = aws.forRegion(null).ecs();
      ecs.createCluster(r -> r.clusterName("batch"));
      ecs.createCapacityProvider(
          r ->
              r.name("batch-asg")
                  .autoScalingGroupProvider(
                      a ->
                          a.autoScalingGroupArn(
                                  "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
                                      + "1a2b3c4d-1111-2222-3333-444455556666:"
                                      + "autoScalingGroupName/batch-asg")
                              .managedScaling(m -> m.status("ENABLED").targetCapacity(90))
                              .managedTerminationProtection("DISABLED"))
                  .tags(t -> t.key("team").value("batch")));
      ecs.putClusterCapacityProviders(
          r ->
              r.cluster("batch")
                  .capacityProviders("FARGATE", "batch-asg")
                  .defaultCapacityProviderStrategy(
                      s -> s.capacityProvider("batch-asg").weight(1).base(1)));
      ecs.createCapacityProvider(
          r ->
              r.name("batch-managed")
                  .cluster("batch")
                  .managedInstancesProvider(
                      m ->
                          m.infrastructureRoleArn("arn:aws:iam::123456789012:role/ecsInfra")
                              .instanceLaunchTemplate(
                                  t ->
                                      t.ec2InstanceProfileArn(
                                              "arn:aws:iam::123456789012:instance-profile/ecs")
                                          .networkConfiguration(
                                              n -> n.subnets("subnet-0a1b2c3d")))));
    }
  }

  @Test
  void theClustersProvidersComeWithItAndPlanShowsNoChange() throws Exception {
    Path file = dir.resolve("batch.yaml");

    CliHarness.Result imported = cli.run("import", "--cluster", "batch", "-o", file.toString());

    assertThat(imported.exitCode()).as(imported.output()).isZero();
    assertThat(imported.err()).isEqualTo("wrote 3 manifests to " + file + "\n");
    String manifests = Files.readString(file);
    assertThat(manifests)
        .contains("kind: EcsCapacityProvider\nmetadata:\n  name: batch-asg")
        .contains("kind: EcsCapacityProvider\nmetadata:\n  name: batch-managed")
        .contains(
            "capacityProviders:\n    - FARGATE\n  capacityProviderRefs:\n    - name: batch-asg")
        .contains("- capacityProviderRef:\n        name: batch-asg")
        .contains("cluster: batch\n")
        .doesNotContain("- name: batch-managed");

    cli.calls.reset();
    CliHarness.Result plan = cli.run("plan", "-f", file.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out()).endsWith("Plan: 0 to create, 0 to update, 0 blocked, 3 unchanged.\n");
    assertThat(cli.calls.writes()).isEmpty();
  }
}

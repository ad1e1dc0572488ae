package io.ecsoperator.reconcilers.capacityprovider;

import static io.ecsoperator.reconcilers.capacityprovider.CapacityProviderFixtures.load;
import static io.ecsoperator.reconcilers.capacityprovider.CapacityProviderFixtures.providerAnswer;
import static io.ecsoperator.reconcilers.capacityprovider.CapacityProviderFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.reconcilers.cluster.EcsFixtures;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calls the capacity provider adapter makes, against describe-capacity-providers output. */
class EcsCapacityProviderAdapterTest {

  private static final ResourceRef REF = new ResourceRef("default", "shop-ec2", null);
  private static final String ASG = load("describe-capacity-providers-asg.json");

  private final EcsCapacityProviderSpec spec =
      spec(
          """
          autoScalingGroupProvider:
            autoScalingGroupArn: arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:57ffcb94-11f0-4d6d-bf60-3bac5EXAMPLE:autoScalingGroupName/shop-ec2
            managedScaling: {status: ENABLED, targetCapacity: 60}
          """);

  @Test
  void aManagedScalingChangeIsOneUpdateThatKeepsWhatTheSpecOmits() {
    EcsFixtures ecs = describingThen(ASG, "UpdateCapacityProvider", ASG);
    var adapter = new EcsCapacityProviderAdapter(ecs.factory(), "shop-ec2", null);
    Observation<EcsCapacityProviderState> observation = adapter.observe(REF, spec);

    adapter.update(REF, spec, observation);

    assertThat(ecs.writes()).containsExactly("UpdateCapacityProvider");
    JsonNode sent = ecs.lastRequest("UpdateCapacityProvider");
    assertThat(sent.path("name").asText()).isEqualTo("shop-ec2");
    assertThat(sent.has("cluster")).as("an Auto Scaling group provider has no cluster").isFalse();
    JsonNode provider = sent.path("autoScalingGroupProvider");
    assertThat(provider.has("autoScalingGroupArn")).as("not in the update shape").isFalse();
    assertThat(provider.path("managedScaling").path("targetCapacity").asInt()).isEqualTo(60);
    assertThat(provider.path("managedScaling").path("instanceWarmupPeriod").asInt()).isEqualTo(300);
    assertThat(provider.path("managedDraining").asText()).isEqualTo("ENABLED");
  }

  @Test
  void aManagedInstancesUpdateNamesTheClusterAndLeavesCreateOnlyFieldsOut() {
    String managed = load("describe-capacity-providers-managed.json");
    EcsFixtures ecs = describingThen(managed, "UpdateCapacityProvider", managed);
    EcsCapacityProviderSpec detailed =
        spec(
            """
            cluster: shop
            managedInstancesProvider:
              infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
              instanceLaunchTemplate:
                ec2InstanceProfileArn: arn:aws:iam::123456789012:instance-profile/ecsInstanceRole
                networkConfiguration: {subnets: [subnet-0a1b2c3d]}
                monitoring: DETAILED
            """);
    var adapter = new EcsCapacityProviderAdapter(ecs.factory(), "shop-managed", "shop");

    adapter.update(REF, detailed, adapter.observe(REF, detailed));

    assertThat(ecs.writes()).containsExactly("UpdateCapacityProvider");
    JsonNode sent = ecs.lastRequest("UpdateCapacityProvider");
    assertThat(sent.path("cluster").asText()).isEqualTo("shop");
    JsonNode template = sent.path("managedInstancesProvider").path("instanceLaunchTemplate");
    assertThat(template.path("monitoring").asText()).isEqualTo("DETAILED");
    assertThat(template.path("networkConfiguration").path("subnets"))
        .extracting(JsonNode::asText)
        .containsExactly("subnet-0a1b2c3d");
    assertThat(template.path("instanceRequirements").path("vCpuCount").path("max").asInt())
        .as("what the spec omits is sent as AWS has it")
        .isEqualTo(8);
    assertThat(template.has("capacityOptionType")).as("not in the update shape").isFalse();
  }

  @Test
  void aProviderInUseWaitsWithAwsReason() {
    String failed =
        ASG.replace("\"UPDATE_COMPLETE\"", "\"DELETE_FAILED\"")
            .replace(
                "\"type\"",
                "\"updateStatusReason\": \"The capacity provider cannot be deleted because it is"
                    + " associated with cluster: shop. Remove the capacity provider from the"
                    + " cluster and try again.\", \"type\"");
    EcsFixtures ecs = describingThen(ASG, "DeleteCapacityProvider", failed);
    var adapter = new EcsCapacityProviderAdapter(ecs.factory(), "shop-ec2", null);

    DeleteOutcome outcome = adapter.delete(REF, spec, adapter.observe(REF, spec).actual());

    assertThat(outcome.progress()).isEqualTo(DeleteOutcome.Progress.WAITING);
    assertThat(outcome.reason()).isEqualTo("ProviderInUse");
    assertThat(outcome.message()).contains("associated with cluster: shop");
  }

  @Test
  void objectsReferringToTheProviderAreWaitedForByNameWithoutAskingAws() {
    EcsFixtures ecs = EcsFixtures.answering().answer("DescribeCapacityProviders", ASG);
    var adapter =
        new EcsCapacityProviderAdapter(ecs.factory(), "shop-ec2", null)
            .usedBy(List.of("EcsCluster shop", "EcsService web"));

    DeleteOutcome outcome = adapter.delete(REF, spec, adapter.observe(REF, spec).actual());

    assertThat(outcome.progress()).isEqualTo(DeleteOutcome.Progress.WAITING);
    assertThat(outcome.reason()).isEqualTo("ProviderInUse");
    assertThat(outcome.message())
        .isEqualTo(
            "capacity provider shop-ec2 is still in use by EcsCluster shop, EcsService web; it is"
                + " deleted once they no longer use it");
    assertThat(ecs.writes()).isEmpty();
  }

  @Test
  void aManagedInstancesProviderIsDeletedNamingItsCluster() {
    String managed = load("describe-capacity-providers-managed.json");
    EcsFixtures ecs =
        describingThen(
            managed,
            "DeleteCapacityProvider",
            managed.replace("\"CREATE_COMPLETE\"", "\"DELETE_IN_PROGRESS\""));
    var adapter = new EcsCapacityProviderAdapter(ecs.factory(), "shop-managed", "shop");
    EcsCapacityProviderState actual =
        adapter.observe(REF, spec("managedInstancesProvider: {}\ncluster: shop\n")).actual();

    DeleteOutcome outcome = adapter.delete(REF, spec, actual);

    assertThat(outcome).isEqualTo(DeleteOutcome.DONE);
    assertThat(ecs.lastRequest("DeleteCapacityProvider").path("cluster").asText())
        .isEqualTo("shop");
  }

  @Test
  void anUpdateInProgressIsNotReadyYet() {
    EcsFixtures ecs =
        EcsFixtures.answering()
            .answer(
                "DescribeCapacityProviders",
                ASG.replace("\"UPDATE_COMPLETE\"", "\"UPDATE_IN_PROGRESS\""));
    var adapter = new EcsCapacityProviderAdapter(ecs.factory(), "shop-ec2", null);

    Readiness readiness = adapter.readiness(spec, adapter.observe(REF, spec).actual());

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reason()).isEqualTo("ProviderUpdating");
  }

  @Test
  void aMissingProviderIsAbsent() {
    EcsFixtures ecs =
        EcsFixtures.answering()
            .answer("DescribeCapacityProviders", load("describe-capacity-providers-missing.json"));

    assertThat(
            new EcsCapacityProviderAdapter(ecs.factory(), "shop-ec2", null)
                .observe(REF, spec)
                .exists())
        .isFalse();
  }

  /**
   * ECS describing the provider as {@code describeOutput}, and answering {@code operation} with the
   * first provider of {@code answerOutput}.
   */
  private static EcsFixtures describingThen(
      String describeOutput, String operation, String answerOutput) {
    return EcsFixtures.answering()
        .answer("DescribeCapacityProviders", describeOutput)
        .answer(operation, providerAnswer(answerOutput));
  }
}

package io.ecsoperator.operator.capacityprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;

/**
 * EcsCapacityProvider end to end with kubectl, on the bed's model of capacity providers: both
 * examples go Ready, managed scaling changes in place, and deleting a provider a cluster uses waits
 * with AWS's reason until the cluster lets it go.
 */
class EcsCapacityProviderE2EIT extends OperatorE2E {

  private EcsClient ecs;

  EcsCapacityProviderE2EIT() {
    super("cp", new Example("ec2-capacity.yaml", "shop-ec2", "name", "shop-ec2"));
  }

  @BeforeAll
  void ecsClient() {
    ecs = h.aws.forRegion(null).ecs();
    // Managed Instances providers provision for 10 model seconds.
    h.bed.steerAws("/_ecsbed/config", "{\"timeScale\": 10}");
  }

  @Test
  void theEc2ExampleGoesReadyAndManagedScalingChangesInPlace() throws IOException {
    h.apply(exampleYaml()).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscapacityprovider/shop-ec2", WAIT);

    CapacityProvider provider = describe("shop-ec2");
    assertThat(h.get("ecscapacityprovider/shop-ec2", ".status.arn"))
        .isEqualTo(provider.capacityProviderArn());
    assertThat(h.get("ecscapacityprovider/shop-ec2", ".status.status")).isEqualTo("ACTIVE");
    assertThat(provider.autoScalingGroupProvider().managedScaling().targetCapacity()).isEqualTo(80);
    assertThat(provider.tags())
        .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=shop"));

    h.calls.reset();
    String edited = exampleYaml().replace("targetCapacity: 80", "targetCapacity: 60");
    h.apply(edited).assertSuccess("apply the new target");
    h.waitFor("jsonpath={.status.observedGeneration}=2", "ecscapacityprovider/shop-ec2", WAIT);
    h.waitFor("condition=Ready", "ecscapacityprovider/shop-ec2", WAIT);

    assertThat(describe("shop-ec2").autoScalingGroupProvider().managedScaling().targetCapacity())
        .isEqualTo(60);
    assertThat(h.calls.writes())
        .as("one update in place")
        .containsOnlyKeys("UpdateCapacityProvider");
    assertThat(h.calls.writes().get("UpdateCapacityProvider")).isEqualTo(1);
    KstatusAssert.live(h.bed, h.namespace, "ecscapacityprovider/shop-ec2")
        .hasGeneration(2)
        .isReady();

    h.calls.reset();
    h.apply(edited).assertSuccess("apply again");
    await()
        .during(RESYNC.multipliedBy(2))
        .atMost(RESYNC.multipliedBy(4))
        .untilAsserted(() -> assertThat(h.calls.writes()).as("re-apply writes").isEmpty());
  }

  @Test
  void theManagedInstancesExampleGoesReadyInItsClusterWithoutPutClusterCapacityProviders()
      throws IOException {
    ecs.createCluster(r -> r.clusterName("shop"));
    h.calls.reset();

    h.apply(Files.readString(h.bed.repoRoot().resolve("examples/managed-instances.yaml")))
        .assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscapacityprovider/shop-managed", WAIT);

    CapacityProvider provider = describe("shop-managed");
    assertThat(provider.cluster()).isEqualTo("shop");
    assertThat(provider.managedInstancesProvider().instanceLaunchTemplate().monitoringAsString())
        .isEqualTo("BASIC");
    assertThat(h.get("ecscapacityprovider/shop-managed", ".status.status")).isEqualTo("ACTIVE");
    assertThat(h.calls.all()).doesNotContainKey("PutClusterCapacityProviders");
    assertThat(h.calls.writes()).containsOnlyKeys("CreateCapacityProvider");
  }

  @Test
  void deletingAProviderAClusterUsesWaitsWithTheReasonUntilTheClusterLetsItGo() throws IOException {
    // Another group: AWS lets one Auto Scaling group back one provider only.
    h.apply(
            example("in-use", "in-use")
                .replace("autoScalingGroupName/shop-ec2", "autoScalingGroupName/in-use"))
        .assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscapacityprovider/in-use", WAIT);
    h.apply(cluster("[in-use]")).assertSuccess("apply the cluster");
    h.waitFor("condition=Ready", "ecscluster/users", WAIT);

    h.kubectl("delete", "ecscapacityprovider/in-use", "--wait=false").assertSuccess("delete");

    waitForReason("ecscapacityprovider/in-use", "Reconciling", "ProviderInUse");
    assertThat(h.get("ecscapacityprovider/in-use", conditionMessage("Reconciling")))
        .contains("cp-users");
    assertThat(describe("in-use").statusAsString()).isEqualTo("ACTIVE");

    h.apply(cluster("[]")).assertSuccess("remove the provider from the cluster");
    h.waitFor("delete", "ecscapacityprovider/in-use", WAIT);
    assertThat(
            ecs.describeCapacityProviders(r -> r.capacityProviders("in-use"))
                .capacityProviders()
                .get(0)
                .statusAsString())
        .isEqualTo("INACTIVE");
  }

  private static String cluster(String capacityProviders) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcsCluster
        metadata:
          name: users
        spec:
          clusterName: cp-users
          capacityProviders: %s
        """
        .formatted(capacityProviders);
  }

  private CapacityProvider describe(String name) {
    return ecs.describeCapacityProviders(
            r -> r.capacityProviders(name).include(CapacityProviderField.TAGS))
        .capacityProviders()
        .get(0);
  }
}

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
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * EcsCapacityProvider end to end with kubectl, on the bed's model of capacity providers: both
 * examples go Ready with the clusters that refer to them, managed scaling changes in place, a
 * service and a task run on a provider they refer to, deleting a provider a cluster or a service
 * uses waits saying why until they let it go, and a Managed Instances provider is never associated
 * with PutClusterCapacityProviders.
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
  void theEc2ExampleGoesReadyWithItsClusterAndManagedScalingChangesInPlace() throws IOException {
    h.apply(exampleYaml()).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscapacityprovider/shop-ec2", WAIT);
    h.waitFor("condition=Ready", "ecscluster/shop-ec2", WAIT);

    CapacityProvider provider = describe("shop-ec2");
    assertThat(h.get("ecscapacityprovider/shop-ec2", ".status.arn"))
        .isEqualTo(provider.capacityProviderArn());
    assertThat(h.get("ecscapacityprovider/shop-ec2", ".status.status")).isEqualTo("ACTIVE");
    assertThat(provider.autoScalingGroupProvider().managedScaling().targetCapacity()).isEqualTo(80);
    assertThat(provider.tags())
        .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=shop"));
    Cluster cluster = describeCluster("shop-ec2");
    assertThat(cluster.capacityProviders()).containsExactly("shop-ec2");
    assertThat(cluster.defaultCapacityProviderStrategy())
        .extracting(CapacityProviderStrategyItem::capacityProvider)
        .containsExactly("shop-ec2");

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
    KstatusAssert.live(h.bed, h.namespace, "ecscluster/shop-ec2").isReady();

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
    h.calls.reset();

    h.apply(Files.readString(h.bed.repoRoot().resolve("examples/managed-instances.yaml")))
        .assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscapacityprovider/shop-managed", WAIT);
    h.waitFor("condition=Ready", "ecscluster/shop", WAIT);

    CapacityProvider provider = describe("shop-managed");
    assertThat(provider.cluster()).isEqualTo("shop");
    assertThat(provider.managedInstancesProvider().instanceLaunchTemplate().monitoringAsString())
        .isEqualTo("BASIC");
    assertThat(h.get("ecscapacityprovider/shop-managed", ".status.status")).isEqualTo("ACTIVE");
    assertThat(h.calls.all()).doesNotContainKey("PutClusterCapacityProviders");
    assertThat(h.calls.writes()).containsOnlyKeys("CreateCluster", "CreateCapacityProvider");

    // The cluster's default strategy takes its Managed Instances provider by reference; the
    // provider is never sent as one of the cluster's providers, nor taken for drift.
    h.apply(managedCluster("[FARGATE]")).assertSuccess("a default strategy on the provider");
    h.waitFor("jsonpath={.status.observedGeneration}=2", "ecscluster/shop", WAIT);
    h.waitFor("condition=Ready", "ecscluster/shop", WAIT);
    assertThat(describeCluster("shop").defaultCapacityProviderStrategy())
        .extracting(CapacityProviderStrategyItem::capacityProvider)
        .containsExactly("shop-managed");
    assertThat(describeCluster("shop").capacityProviders()).doesNotContain("shop-managed");
    h.calls.reset();
    await()
        .during(RESYNC.multipliedBy(2))
        .atMost(RESYNC.multipliedBy(4))
        .untilAsserted(() -> assertThat(h.calls.writes()).as("drift checks write").isEmpty());

    h.apply(managedCluster("[FARGATE, shop-managed]")).assertSuccess("list the provider");
    waitForReason("ecscluster/shop", "Stalled", "ManagedInstancesProviderListed");
    assertThat(h.get("ecscluster/shop", conditionMessage("Stalled")))
        .contains("shop-managed is a Managed Instances provider of cluster shop")
        .contains("PutClusterCapacityProviders cannot associate it");
    assertThat(h.calls.all()).doesNotContainKey("PutClusterCapacityProviders");
  }

  @Test
  void deletingAProviderAClusterUsesWaitsWithTheReasonUntilTheClusterLetsItGo() throws IOException {
    // Another group: AWS lets one Auto Scaling group back one provider only.
    h.apply(provider("in-use")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscapacityprovider/in-use", WAIT);
    h.apply(cluster("users", "cp-users", "capacityProviders: [in-use]"))
        .assertSuccess("apply the cluster");
    h.waitFor("condition=Ready", "ecscluster/users", WAIT);

    h.kubectl("delete", "ecscapacityprovider/in-use", "--wait=false").assertSuccess("delete");

    waitForReason("ecscapacityprovider/in-use", "Reconciling", "ProviderInUse");
    assertThat(h.get("ecscapacityprovider/in-use", conditionMessage("Reconciling")))
        .contains("cp-users");
    assertThat(describe("in-use").statusAsString()).isEqualTo("ACTIVE");

    h.apply(cluster("users", "cp-users", "capacityProviders: []"))
        .assertSuccess("remove the provider from the cluster");
    assertDeleted("in-use");
  }

  @Test
  void aServiceRunsOnAProviderItRefersToWhichWaitsForItsDeletion() throws IOException {
    ecs.registerTaskDefinition(
        r ->
            r.family("cp-web")
                .networkMode(NetworkMode.BRIDGE)
                .requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("web").image("nginx:1.27").memory(128)));
    h.apply(SERVICE).assertSuccess("apply the service first");
    waitForReason("ecsservice/web", "Reconciling", "WaitingForDependency");

    h.apply(provider("web-asg")).assertSuccess("apply the provider");
    h.apply(cluster("web-cluster", "cp-web", "capacityProviderRefs: [{name: web-asg}]"))
        .assertSuccess("apply the cluster");
    h.waitFor("condition=Ready", "ecsservice/web", WAIT);
    assertThat(
            ecs.describeServices(r -> r.cluster("cp-web").services("web"))
                .services()
                .get(0)
                .capacityProviderStrategy())
        .extracting(CapacityProviderStrategyItem::capacityProvider)
        .containsExactly("web-asg");

    h.kubectl("delete", "ecscapacityprovider/web-asg", "--wait=false").assertSuccess("delete");
    waitForReason("ecscapacityprovider/web-asg", "Reconciling", "ProviderInUse");
    assertThat(h.get("ecscapacityprovider/web-asg", conditionMessage("Reconciling")))
        .contains("EcsService web")
        .contains("EcsCluster web-cluster");
    assertThat(describe("web-asg").statusAsString()).isEqualTo("ACTIVE");

    h.kubectl("delete", "ecsservice/web", "--timeout=60s").assertSuccess("delete the service");
    h.apply(cluster("web-cluster", "cp-web", "capacityProviderRefs: []"))
        .assertSuccess("the cluster lets the provider go");
    assertDeleted("web-asg");
  }

  @Test
  void aTaskWaitsForAProviderItRefersToThenRunsOnItsAwsName() throws IOException {
    ecs.registerTaskDefinition(
        r ->
            r.family("cp-job")
                .networkMode(NetworkMode.BRIDGE)
                .requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("job").image("busybox:1.36").memory(128)));
    h.apply(cluster("job-cluster", "cp-job", "capacityProviderRefs: []"))
        .assertSuccess("apply the cluster");
    h.waitFor("condition=Ready", "ecscluster/job-cluster", WAIT);
    registerContainerInstance("cp-job");
    h.bed.steerAws(
        "/_ecsbed/tasks/behaviour", "{\"group\": \"cp-job\", \"exitCodes\": {\"job\": 0}}");

    h.apply(TASK).assertSuccess("apply the task first");
    waitForReason("ecstask/job", "Reconciling", "WaitingForDependency");
    assertThat(h.get("ecstask/job", conditionMessage("Reconciling"))).contains("job-asg");
    assertThat(h.calls.all()).doesNotContainKey("RunTask");

    h.apply(provider("job-asg")).assertSuccess("apply the provider");
    h.apply(cluster("job-cluster", "cp-job", "capacityProviderRefs: [{name: job-asg}]"))
        .assertSuccess("attach the provider to the cluster");
    h.waitFor("condition=Complete", "ecstask/job", WAIT);

    String taskArn = h.get("ecstask/job", ".status.attempts[0].tasks[0].taskArn");
    assertThat(
            ecs.describeTasks(r -> r.cluster("cp-job").tasks(taskArn))
                .tasks()
                .get(0)
                .capacityProviderName())
        .isEqualTo("job-asg");
  }

  @Test
  void aTaskWaitingForAProviderThatNeverCameIsDeletedWithoutWaiting() {
    ecs.registerTaskDefinition(
        r ->
            r.family("cp-orphan")
                .requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("job").image("busybox:1.36").memory(128)));
    ecs.createCluster(r -> r.clusterName("cp-orphan"));
    // Only the provider is missing: the cluster and task definition are named in AWS.
    h.apply(
            TASK.replace("name: job\n", "name: orphan\n")
                .replace("clusterRef: {name: job-cluster}", "cluster: cp-orphan")
                .replace("taskDefinition: cp-job", "taskDefinition: cp-orphan")
                .replace("job-asg", "never-asg"))
        .assertSuccess("apply the task");
    waitForReason("ecstask/orphan", "Reconciling", "WaitingForDependency");

    h.kubectl("delete", "ecstask/orphan", "--timeout=60s").assertSuccess("delete the task");
  }

  /**
   * Without a launch type moto places tasks on the cluster's container instances: one, on an EC2
   * instance of the bed.
   */
  private void registerContainerInstance(String cluster) {
    String image =
        h.bed
            .aws("ec2", "describe-images", "--query", "Images[0].ImageId", "--output", "text")
            .assertSuccess("describe images")
            .stdout()
            .strip();
    String instance =
        h.bed
            .aws(
                "ec2",
                "run-instances",
                "--image-id",
                image,
                "--count",
                "1",
                "--query",
                "Instances[0].InstanceId",
                "--output",
                "text")
            .assertSuccess("run an instance")
            .stdout()
            .strip();
    ecs.registerContainerInstance(
        r -> r.cluster(cluster).instanceIdentityDocument("{\"instanceId\": \"" + instance + "\"}"));
  }

  /** The object is gone and so is its provider in AWS (INACTIVE). */
  private void assertDeleted(String name) {
    h.waitFor("delete", "ecscapacityprovider/" + name, WAIT);
    assertThat(
            ecs.describeCapacityProviders(r -> r.capacityProviders(name))
                .capacityProviders()
                .get(0)
                .statusAsString())
        .isEqualTo("INACTIVE");
  }

  private static final String SERVICE =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsService
      metadata:
        name: web
      spec:
        clusterRef: {name: web-cluster}
        taskDefinition: cp-web
        desiredCount: 1
        capacityProviderStrategy:
          - capacityProviderRef: {name: web-asg}
            weight: 1
      """;

  private static final String TASK =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsTask
      metadata:
        name: job
      spec:
        task:
          clusterRef: {name: job-cluster}
          taskDefinition: cp-job
          group: cp-job
          capacityProviderStrategy:
            - capacityProviderRef: {name: job-asg}
              weight: 1
      """;

  /** The example's provider alone, named and backed by a group of that name. */
  private String provider(String name) throws IOException {
    return exampleYaml()
        .split("\n---\n")[0]
        .replace("name: shop-ec2\n", "name: " + name + "\n")
        .replace("autoScalingGroupName/shop-ec2", "autoScalingGroupName/" + name);
  }

  private static String cluster(String name, String clusterName, String providers) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcsCluster
        metadata:
          name: %s
        spec:
          clusterName: %s
          %s
        """
        .formatted(name, clusterName, providers);
  }

  /** The Managed Instances example's cluster with these providers and the provider as default. */
  private static String managedCluster(String capacityProviders) {
    return cluster(
        "shop",
        "shop",
        "capacityProviders: "
            + capacityProviders
            + "\n  defaultCapacityProviderStrategy: [{capacityProviderRef: {name: shop-managed},"
            + " weight: 1}]\n  tags: {team: shop}");
  }

  private CapacityProvider describe(String name) {
    return ecs.describeCapacityProviders(
            r -> r.capacityProviders(name).include(CapacityProviderField.TAGS))
        .capacityProviders()
        .get(0);
  }

  private Cluster describeCluster(String name) {
    return ecs.describeClusters(r -> r.clusters(name)).clusters().get(0);
  }
}

package io.ecsoperator.operator.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.settings.Sharding;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.testsupport.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Two operators over one namespace, one API server and one AWS, with disjoint label selectors
 * (README "Sharding"): each reconciles only its own objects, an object may refer to another shard's
 * object, and a stopped shard's objects wait for it rather than being taken over.
 */
class ShardingIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration RESYNC = Duration.ofMinutes(10);

  private final String namespace = OperatorHarness.createNamespace(TestBed.get(), "shards");
  private final OperatorHarness a = OperatorHarness.startShard(namespace, RESYNC, shard("a"));
  private OperatorHarness b = OperatorHarness.startShard(namespace, RESYNC, shard("b"));
  private final EcsClient ecs = a.aws.forRegion(null).ecs();

  @AfterEach
  void stop() {
    a.close();
    stopB();
  }

  @Test
  void eachShardReconcilesItsOwnObjectsAndAStoppedShardsObjectsAreNotTakenOver() {
    a.apply(cluster("one", "a") + "---\n" + cluster("two", "b") + "---\n" + cluster("none", null))
        .assertSuccess("apply the clusters");
    a.waitFor("condition=Ready", "ecscluster/one", WAIT);
    a.waitFor("condition=Ready", "ecscluster/two", WAIT);

    assertThat(a.calls.writes()).containsEntry("CreateCluster", 1);
    assertThat(b.calls.writes()).containsEntry("CreateCluster", 1);
    assertThat(a.get("ecscluster/none", ".status.conditions"))
        .as("no shard selects it: no status")
        .isEmpty();
    assertThat(awsClusterStatus(clusterName("none"))).isEmpty();

    stopB();
    a.calls.reset();
    a.apply(cluster("one", "a").replace("tags: {}", "tags: {team: shop}"))
        .assertSuccess("change one");
    a.apply(cluster("two", "b").replace("tags: {}", "tags: {team: shop}"))
        .assertSuccess("change two");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(a.get("ecscluster/one", ".status.observedGeneration"))
                    .isEqualTo(a.get("ecscluster/one", ".metadata.generation")));
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(a.get("ecscluster/two", ".status.observedGeneration"))
                    .as("the stopped shard's object is not taken over")
                    .isEqualTo("1"));
    assertThat(tagsOf(clusterName("two"))).doesNotContainKey("team");
    assertThat(tagsOf(clusterName("one"))).containsEntry("team", "shop");
  }

  @Test
  void anObjectMayReferToAnotherShardsObject() {
    a.apply(
            cluster("shop", "b")
                + "---\n"
                + taskDefinition("web", "b")
                + "---\n"
                + service("web", "a"))
        .assertSuccess("apply the cluster and task definition of shard b, the service of shard a");

    a.waitFor("condition=Ready", "ecsservice/web", WAIT);

    assertThat(b.calls.writes())
        .containsKeys("CreateCluster", "RegisterTaskDefinition")
        .doesNotContainKey("CreateService");
    assertThat(a.calls.writes())
        .containsKey("CreateService")
        .doesNotContainKeys("CreateCluster", "RegisterTaskDefinition");
  }

  /**
   * Relabelling an object moves it to the other shard: the new shard finds the resource its own
   * (the owner tags name the object, not a shard) and manages it, without creating another; the old
   * shard lets go and changes nothing more.
   */
  @Test
  void aRelabelledObjectMovesToTheOtherShard() {
    a.apply(cluster("moving", "a")).assertSuccess("apply in shard a");
    a.waitFor("condition=Ready", "ecscluster/moving", WAIT);
    a.calls.reset();

    a.apply(cluster("moving", "b").replace("tags: {}", "tags: {team: moved}"))
        .assertSuccess("relabel to shard b, with a change");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(tagsOf(clusterName("moving"))).containsEntry("team", "moved"));
    a.waitFor("condition=Ready", "ecscluster/moving", WAIT);

    assertThat(b.calls.writes())
        .as("shard b tags the existing cluster")
        .containsKey("TagResource")
        .doesNotContainKey("CreateCluster");
    assertThat(a.calls.writes()).as("shard a let go").isEmpty();
    assertThat(awsClusterStatus(clusterName("moving"))).containsExactly("ACTIVE");
  }

  private void stopB() {
    if (b != null) {
      b.close();
      b = null;
    }
  }

  private String clusterName(String name) {
    return namespace + "-" + name;
  }

  private String cluster(String name, String shard) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcsCluster
        metadata:
          name: %s
          labels: {%s}
        spec:
          clusterName: %s
          tags: {}
        """
        .formatted(name, shard == null ? "" : "ecsoperator.io/shard: " + shard, clusterName(name));
  }

  private String taskDefinition(String name, String shard) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcsTaskDefinition
        metadata:
          name: %s
          labels: {ecsoperator.io/shard: %s}
        spec:
          family: %s
          networkMode: awsvpc
          requiresCompatibilities: [FARGATE]
          cpu: "256"
          memory: "512"
          containerDefinitions:
            - name: web
              image: nginx:1.27
        """
        .formatted(name, shard, clusterName(name));
  }

  /** A service of the cluster "shop" running the task definition "web". */
  private static String service(String name, String shard) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcsService
        metadata:
          name: %s
          labels: {ecsoperator.io/shard: %s}
        spec:
          clusterRef:
            name: shop
          taskDefinitionRef:
            name: web
          desiredCount: 1
          launchType: FARGATE
        """
        .formatted(name, shard);
  }

  private List<String> awsClusterStatus(String clusterName) {
    return ecs.describeClusters(r -> r.clusters(clusterName)).clusters().stream()
        .map(Cluster::status)
        .filter(status -> !status.equals("INACTIVE"))
        .toList();
  }

  private Map<String, String> tagsOf(String clusterName) {
    String arn = ecs.describeClusters(r -> r.clusters(clusterName)).clusters().get(0).clusterArn();
    return ecs.listTagsForResource(r -> r.resourceArn(arn)).tags().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private static Sharding shard(String name) {
    return new Sharding(Optional.of("ecsoperator.io/shard=" + name), 1);
  }
}

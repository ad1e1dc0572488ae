package io.ecsoperator.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.testsupport.AwsFaultProxy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * EcsCluster end to end: the real API server, the operator and moto, driven with kubectl the way a
 * user would.
 */
class EcsClusterE2EIT extends OperatorE2E {

  private EcsClient ecs;

  EcsClusterE2EIT() {
    super("ecs", new Example("ecs-cluster.yaml", "shop", "clusterName", "shop"));
  }

  @BeforeAll
  void ecsClient() {
    ecs = h.aws.forRegion(null).ecs();
  }

  @Test
  void theExampleGoesReadyWithEveryDeclaredSettingInAws() throws IOException {
    h.apply(example("example", "e2e-example")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscluster/example", WAIT);

    KstatusAssert.live(h.bed, h.namespace, "ecscluster/example").hasGeneration(1).isReady();
    Cluster cluster = describe("e2e-example");
    assertThat(h.get("ecscluster/example", ".status.arn")).isEqualTo(cluster.clusterArn());
    assertThat(h.get("ecscluster/example", ".status.status")).isEqualTo("ACTIVE");
    assertThat(h.get("ecscluster/example", ".status.activeServicesCount")).isEqualTo("0");
    assertThat(h.get("ecscluster/example", ".status.runningTasksCount")).isEqualTo("0");
    assertThat(h.get("ecscluster/example", ".status.serviceConnectNamespace"))
        .isEqualTo("shop.internal");

    assertThat(cluster.settings().get(0).value()).isEqualTo("enabled");
    assertThat(cluster.configuration().executeCommandConfiguration().loggingAsString())
        .isEqualTo("DEFAULT");
    assertThat(cluster.capacityProviders()).containsExactlyInAnyOrder("FARGATE", "FARGATE_SPOT");
    assertThat(cluster.defaultCapacityProviderStrategy())
        .extracting(i -> i.capacityProvider() + "/" + i.weight() + "/" + i.base())
        .containsExactlyInAnyOrder("FARGATE/1/2", "FARGATE_SPOT/3/0");
    assertThat(tags(cluster))
        .containsEntry("team", "web")
        .containsEntry("cost-center", "cc-42")
        .containsEntry("ecsoperator.io/owner", h.namespace + "/example");
    assertThat(h.kubectl("get", "ecsclusters", "-o", "wide").assertSuccess("get -o wide").stdout())
        .contains(cluster.clusterArn())
        .contains("in sync with AWS");
  }

  @Test
  void aNoOpResyncMakesNoAwsWriteAndNoKubernetesWrite() throws IOException, InterruptedException {
    h.apply(example("idle", "e2e-idle")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscluster/idle", WAIT);
    String resourceVersion = h.get("ecscluster/idle", ".metadata.resourceVersion");
    h.calls.reset();

    Thread.sleep(RESYNC.multipliedBy(3).toMillis());

    assertThat(h.calls.all()).as("the resyncs read AWS").containsKey("DescribeClusters");
    assertThat(h.calls.writes()).as("AWS writes of no-op resyncs").isEmpty();
    assertThat(h.get("ecscluster/idle", ".metadata.resourceVersion"))
        .as("no status write")
        .isEqualTo(resourceVersion);
  }

  @Test
  void editingTheSpecChangesAwsAndIsReadyAtTheNewGeneration() throws IOException {
    h.apply(example("edited", "e2e-edited")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscluster/edited", WAIT);

    h.apply(
            example("edited", "e2e-edited")
                .replace("value: enabled", "value: enhanced")
                .replace("weight: 3", "weight: 5"))
        .assertSuccess("apply edit");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Cluster cluster = describe("e2e-edited");
              assertThat(cluster.settings().get(0).value()).isEqualTo("enhanced");
              assertThat(cluster.defaultCapacityProviderStrategy())
                  .extracting(i -> i.capacityProvider() + "/" + i.weight())
                  .contains("FARGATE_SPOT/5");
            });
    h.waitFor("jsonpath={.status.observedGeneration}=2", "ecscluster/edited", WAIT);
    h.waitFor("condition=Ready", "ecscluster/edited", WAIT);
    KstatusAssert.live(h.bed, h.namespace, "ecscluster/edited").hasGeneration(2).isReady();
    assertThat(events("edited")).contains("Updated");
  }

  @Test
  void anOutOfBandChangeIsCorrectedAtTheNextDriftCheck() throws IOException {
    h.apply(example("drifted", "e2e-drifted")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscluster/drifted", WAIT);
    String arn = describe("e2e-drifted").clusterArn();

    ecs.updateCluster(
        r -> r.cluster("e2e-drifted").settings(s -> s.name("containerInsights").value("disabled")));
    ecs.putClusterCapacityProviders(
        r ->
            r.cluster("e2e-drifted")
                .capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(i -> i.capacityProvider("FARGATE").weight(1)));
    ecs.untagResource(r -> r.resourceArn(arn).tagKeys("team"));

    await()
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(
            () -> {
              Cluster cluster = describe("e2e-drifted");
              assertThat(cluster.settings().get(0).value()).isEqualTo("enabled");
              assertThat(cluster.capacityProviders())
                  .containsExactlyInAnyOrder("FARGATE", "FARGATE_SPOT");
              assertThat(tags(cluster)).containsEntry("team", "web");
            });
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(events("drifted")).contains("DriftCorrected"));
  }

  @Test
  void observeOnlyReportsDriftAndNeverWrites() {
    ecs.createCluster(
        r ->
            r.clusterName("e2e-audited")
                .settings(s -> s.name("containerInsights").value("disabled")));
    h.calls.reset();

    h.apply(
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsCluster
            metadata:
              name: audited
            spec:
              clusterName: e2e-audited
              managementPolicy: ObserveOnly
              settings:
                - name: containerInsights
                  value: enabled
            """)
        .assertSuccess("apply");

    h.waitFor(
        "jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}=DriftDetected",
        "ecscluster/audited",
        WAIT);
    assertThat(h.get("ecscluster/audited", ".status.drift[*].path")).isEqualTo("settings");
    assertThat(h.get("ecscluster/audited", ".status.conditions[?(@.type==\"Ready\")].status"))
        .isEqualTo("False");
    assertThat(describe("e2e-audited").settings().get(0).value()).isEqualTo("disabled");
    assertThat(tags(describe("e2e-audited"))).doesNotContainKey("ecsoperator.io/owner");
    assertThat(h.calls.writes()).isEmpty();
  }

  @Test
  void anUnownedClusterIsLeftAloneUntilAdoptedThenTaggedAndReady() {
    ecs.createCluster(
        r ->
            r.clusterName("e2e-legacy")
                .settings(s -> s.name("containerInsights").value("disabled")));
    String manifest =
        """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcsCluster
        metadata:
          name: legacy
        spec:
          clusterName: e2e-legacy
          adopt: %s
          settings:
            - name: containerInsights
              value: enabled
        """;

    h.apply(manifest.formatted("false")).assertSuccess("apply");
    h.waitFor("condition=Stalled", "ecscluster/legacy", WAIT);
    KstatusAssert.live(h.bed, h.namespace, "ecscluster/legacy").isStalled("AlreadyExists");
    assertThat(describe("e2e-legacy").settings().get(0).value()).isEqualTo("disabled");
    assertThat(tags(describe("e2e-legacy"))).isEmpty();

    h.apply(manifest.formatted("true")).assertSuccess("apply adopt");
    h.waitFor("condition=Ready", "ecscluster/legacy", WAIT);
    KstatusAssert.live(h.bed, h.namespace, "ecscluster/legacy").hasGeneration(2).isReady();
    assertThat(describe("e2e-legacy").settings().get(0).value()).isEqualTo("enabled");
    assertThat(tags(describe("e2e-legacy")))
        .containsEntry("ecsoperator.io/owner", h.namespace + "/legacy");
  }

  @Test
  void retainKeepsTheClusterWhenTheObjectIsDeleted() throws IOException {
    h.apply(example("kept", "e2e-kept").replace("spec:\n", "spec:\n  deletionPolicy: Retain\n"))
        .assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscluster/kept", WAIT);

    h.kubectl("delete", "ecscluster/kept", "--timeout=60s").assertSuccess("delete");

    assertThat(h.kubectl("get", "ecscluster/kept").exitCode()).isNotZero();
    assertThat(describe("e2e-kept").status()).isEqualTo("ACTIVE");
  }

  @Test
  void deletingAClusterLeavesItInactiveInAws() throws IOException {
    h.apply(example("gone", "e2e-gone")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecscluster/gone", WAIT);

    h.kubectl("delete", "ecscluster/gone", "--timeout=60s").assertSuccess("delete");

    assertThat(describe("e2e-gone").status()).isEqualTo("INACTIVE");
    assertThat(events("gone")).contains("Deleted");
  }

  /**
   * AWS refuses DeleteCluster while the cluster has services (moto does not, and never counts
   * them): WireMock in front of moto answers DeleteCluster as AWS does until the services are gone.
   */
  @Test
  void deletingAClusterWithServicesIsReconcilingUntilTheyAreGone() throws IOException {
    try (AwsFaultProxy proxy = AwsFaultProxy.inFrontOf(h.bed.awsEndpoint())) {
      StubMapping servicesLeft =
          proxy.failWith(
              "AmazonEC2ContainerServiceV20141113.DeleteCluster",
              "e2e-busy",
              400,
              "ClusterContainsServicesException",
              "The Cluster cannot be deleted while Services are active.");
      try (OperatorHarness proxied = OperatorHarness.start("ecs-busy", RESYNC, proxy.endpoint())) {
        proxied.apply(example("busy", "e2e-busy")).assertSuccess("apply");
        proxied.waitFor("condition=Ready", "ecscluster/busy", WAIT);

        proxied.kubectl("delete", "ecscluster/busy", "--wait=false").assertSuccess("delete");

        proxied.waitFor("condition=Reconciling", "ecscluster/busy", WAIT);
        await()
            .during(Duration.ofSeconds(4))
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () -> {
                  KstatusAssert busy =
                      KstatusAssert.live(proxied.bed, proxied.namespace, "ecscluster/busy");
                  assertThat(busy.kstatus()).isEqualTo(KstatusAssert.Kstatus.TERMINATING);
                  assertThat(busy.condition("Ready").path("status").asText()).isEqualTo("False");
                  assertThat(busy.condition("Stalled")).as("no Stalled while waiting").isNull();
                  assertThat(busy.condition("Reconciling").path("status").asText())
                      .isEqualTo("True");
                  assertThat(busy.condition("Reconciling").path("reason").asText())
                      .isEqualTo("ClusterHasServices");
                  assertThat(busy.condition("Reconciling").path("message").asText())
                      .isEqualTo("The Cluster cannot be deleted while Services are active.");
                  assertThat(proxied.get("ecscluster/busy", ".metadata.finalizers[*]"))
                      .isEqualTo("ecsoperator.io/finalizer");
                });
        assertThat(describe("e2e-busy").status()).isEqualTo("ACTIVE");

        proxy.heal(servicesLeft);

        proxied.waitFor("delete", "ecscluster/busy", WAIT);
        assertThat(describe("e2e-busy").status()).isEqualTo("INACTIVE");
      }
    }
  }

  private Cluster describe(String name) {
    return ecs.describeClusters(
            r ->
                r.clusters(name)
                    .include(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS, ClusterField.TAGS))
        .clusters()
        .get(0);
  }

  private static Map<String, String> tags(Cluster cluster) {
    return cluster.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }
}

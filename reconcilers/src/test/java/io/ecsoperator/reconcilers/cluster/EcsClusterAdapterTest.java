package io.ecsoperator.reconcilers.cluster;

import static io.ecsoperator.reconcilers.cluster.EcsFixtures.clusterAnswer;
import static io.ecsoperator.reconcilers.cluster.EcsFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.reconcilers.aws.BatchedReader;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cluster adapter and the engine against AWS answers saved from real responses, for what moto
 * cannot show: moto never counts a cluster's services nor refuses DeleteCluster, echoes a Service
 * Connect namespace name where AWS answers its ARN, replaces a cluster on CreateCluster of an
 * existing name where AWS returns it, and has no PROVISIONING or FAILED clusters.
 */
class EcsClusterAdapterTest {

  private static final ResourceRef SHOP = new ResourceRef("apps", "shop", "uid");
  private static final String NAMESPACE_ARN =
      "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-igwrsylmy3kwvcdx";
  private static final String SERVICES_ACTIVE =
      "The Cluster cannot be deleted while Services are active.";

  @Test
  void deletingAClusterWithActiveServicesWaitsWithoutCallingDeleteCluster() {
    EcsFixtures aws = EcsFixtures.aws("describe-clusters-shop.json");

    DeleteOutcome outcome = ReconcileEngine.delete(adapter(aws, "shop"), SHOP, spec("{}"));

    assertThat(outcome.progress()).isEqualTo(DeleteOutcome.Progress.WAITING);
    assertThat(outcome.reason()).isEqualTo("ClusterHasServices");
    assertThat(outcome.message()).contains("3 active services");
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void drainingServicesThatAwsRefusesToDeleteTheClusterForAlsoWait() {
    EcsFixtures aws =
        EcsFixtures.aws(
                "describe-clusters-shop.json",
                "\"activeServicesCount\": 3",
                "\"activeServicesCount\": 0")
            .fail("DeleteCluster", "ClusterContainsServicesException", SERVICES_ACTIVE);

    DeleteOutcome outcome = ReconcileEngine.delete(adapter(aws, "shop"), SHOP, spec("{}"));

    assertThat(outcome.progress()).isEqualTo(DeleteOutcome.Progress.WAITING);
    assertThat(outcome.reason()).isEqualTo("ClusterHasServices");
    assertThat(outcome.message()).isEqualTo(SERVICES_ACTIVE);
    assertThat(aws.writes()).containsExactly("DeleteCluster");
  }

  @Test
  void runningTasksWaitAndContainerInstancesBlock() {
    EcsFixtures tasks =
        EcsFixtures.aws("describe-clusters-legacy.json")
            .fail(
                "DeleteCluster",
                "ClusterContainsTasksException",
                "The Cluster cannot be deleted while Tasks are active.");
    EcsFixtures instances =
        EcsFixtures.aws("describe-clusters-legacy.json")
            .fail(
                "DeleteCluster",
                "ClusterContainsContainerInstancesException",
                "The Cluster cannot be deleted while Container Instances are active or draining.");

    DeleteOutcome waiting = adapter(tasks, "legacy").delete(SHOP, spec("{}"), tasks.read("legacy"));
    DeleteOutcome blocked =
        adapter(instances, "legacy").delete(SHOP, spec("{}"), instances.read("legacy"));

    assertThat(waiting.progress()).isEqualTo(DeleteOutcome.Progress.WAITING);
    assertThat(waiting.reason()).isEqualTo("ClusterHasTasks");
    assertThat(blocked.progress()).isEqualTo(DeleteOutcome.Progress.BLOCKED);
    assertThat(blocked.reason()).isEqualTo("ClusterHasContainerInstances");
    assertThat(blocked.message())
        .startsWith("The Cluster cannot be deleted while Container Instances are active")
        .contains("deletionPolicy: Retain");
  }

  @Test
  void aClusterGoneBeforeDeleteClusterIsDeleted() {
    EcsFixtures aws =
        EcsFixtures.aws("describe-clusters-legacy.json")
            .fail("DeleteCluster", "ClusterNotFoundException", "Cluster not found.");

    DeleteOutcome outcome = adapter(aws, "legacy").delete(SHOP, spec("{}"), aws.read("legacy"));

    assertThat(outcome).isEqualTo(DeleteOutcome.DONE);
  }

  @Test
  void anEmptyClusterIsDeletedAndAnInactiveOneCountsAsGone() {
    String legacy = load("describe-clusters-legacy.json");
    String inactive = legacy.replace("\"ACTIVE\"", "\"INACTIVE\"");
    EcsFixtures aws =
        new EcsFixturesBuilder()
            .describe(legacy, inactive)
            .build()
            .answer("DeleteCluster", clusterAnswer(inactive));
    ResourceRef ref = new ResourceRef("apps", "legacy", "uid");
    EcsClusterAdapter adapter = adapter(aws, "legacy");

    DeleteOutcome first = adapter.delete(ref, spec("{}"), aws.read("legacy"));
    DeleteOutcome again = ReconcileEngine.delete(adapter, ref, spec("{}"));

    assertThat(first).isEqualTo(DeleteOutcome.DONE);
    assertThat(again).isEqualTo(DeleteOutcome.DONE);
    assertThat(aws.writes()).containsExactly("DeleteCluster");
    assertThat(aws.lastRequest("DeleteCluster").get("cluster").asText()).isEqualTo("legacy");
  }

  @Test
  void createAnsweredWithAnotherObjectsClusterStallsWithoutWriting() {
    String theirs = load("describe-clusters-shop.json").replace("\"apps/shop\"", "\"other/shop\"");
    EcsFixtures aws =
        new EcsFixturesBuilder()
            .describe(load("describe-clusters-shop-missing.json"), theirs)
            .build()
            .answer("CreateCluster", clusterAnswer(theirs));

    ReconcileOutcome<EcsClusterState> outcome =
        ReconcileEngine.reconcile(adapter(aws, "shop"), SHOP, spec("tags: {team: api}\n"), false);

    assertThat(outcome.state()).isEqualTo(State.STALLED);
    assertThat(outcome.reason()).isEqualTo("OwnedByOther");
    assertThat(outcome.message()).contains("other/shop");
    assertThat(aws.writes()).containsExactly("CreateCluster");
  }

  @Test
  void createAnsweredWithAnUnownedClusterStallsUnlessAdopting() {
    String unowned = load("describe-clusters-legacy.json");
    ResourceRef ref = new ResourceRef("apps", "legacy", "uid");
    EcsFixtures refused =
        new EcsFixturesBuilder()
            .describe(load("describe-clusters-shop-missing.json"), unowned)
            .build()
            .answer("CreateCluster", clusterAnswer(unowned));
    EcsFixtures adopting =
        new EcsFixturesBuilder()
            .describe(
                load("describe-clusters-shop-missing.json"),
                unowned,
                unowned.replace(
                    "\"tags\": []",
                    "\"tags\": [{\"key\": \"ecsoperator.io/owner\", \"value\": \"apps/legacy\"}]"))
            .build()
            .answer("CreateCluster", clusterAnswer(unowned))
            .answer("TagResource", "{}");

    ReconcileOutcome<EcsClusterState> stalled =
        ReconcileEngine.reconcile(adapter(refused, "legacy"), ref, spec("{}"), false);
    ReconcileOutcome<EcsClusterState> adopted =
        ReconcileEngine.reconcile(adapter(adopting, "legacy"), ref, spec("adopt: true\n"), false);

    assertThat(stalled.state()).isEqualTo(State.STALLED);
    assertThat(stalled.reason()).isEqualTo("AlreadyExists");
    assertThat(refused.writes()).containsExactly("CreateCluster");
    assertThat(adopted.state()).as(adopted.message()).isEqualTo(State.READY);
    assertThat(adopting.writes()).containsExactly("CreateCluster", "TagResource");
    assertThat(adopting.lastRequest("TagResource").get("tags").toString())
        .contains("ecsoperator.io/owner")
        .contains("apps/legacy");
  }

  @Test
  void aNamespaceNameIsSetOnceAndThenKnownByTheArnAwsAnswered() {
    // AWS answers the name with the namespace's ARN, which does not contain the name.
    String shop = load("describe-clusters-shop.json");
    EcsFixtures aws =
        EcsFixtures.aws("describe-clusters-shop.json").answer("UpdateCluster", clusterAnswer(shop));
    EcsClusterSpec spec = spec("serviceConnectDefaults: {namespace: shop}\n");

    ReconcileOutcome<EcsClusterState> first =
        ReconcileEngine.reconcile(adapter(aws, "shop"), SHOP, spec, false);

    assertThat(first.state()).as(first.message()).isEqualTo(State.READY);
    assertThat(aws.writes()).containsExactly("UpdateCluster");
    JsonNode update = aws.lastRequest("UpdateCluster");
    assertThat(update.get("serviceConnectDefaults").get("namespace").asText()).isEqualTo("shop");
    assertThat(update.has("settings")).isFalse();
    assertThat(update.has("configuration")).isFalse();
    assertThat(first.actual().serviceConnectNamespace()).isEqualTo(NAMESPACE_ARN);
    assertThat(first.actual().serviceConnectNamespaceName()).isEqualTo("shop");

    // The next reconcile knows the name from the object's status.
    EcsClusterAdapter next =
        new EcsClusterAdapter(aws.factory(), "shop", new NamespaceName("shop", NAMESPACE_ARN));
    ReconcileOutcome<EcsClusterState> second = ReconcileEngine.reconcile(next, SHOP, spec, true);

    assertThat(second.state()).isEqualTo(State.READY);
    assertThat(second.notices()).isEmpty();
    assertThat(aws.writes())
        .as("no write in the second reconcile")
        .containsExactly("UpdateCluster");
  }

  @Test
  void aNamespaceChangedOutsideIsSetAgain() {
    String shop = load("describe-clusters-shop.json");
    EcsFixtures aws =
        EcsFixtures.aws("describe-clusters-shop.json").answer("UpdateCluster", clusterAnswer(shop));
    EcsClusterAdapter adapter =
        new EcsClusterAdapter(
            aws.factory(), "shop", new NamespaceName("shop", NAMESPACE_ARN.replace("igw", "old")));

    ReconcileOutcome<EcsClusterState> outcome =
        ReconcileEngine.reconcile(
            adapter, SHOP, spec("serviceConnectDefaults: {namespace: shop}\n"), true);

    assertThat(outcome.notices()).extracting(Notice::reason).containsExactly("DriftCorrected");
    assertThat(aws.writes()).containsExactly("UpdateCluster");
  }

  @Test
  void changingTheExecuteCommandConfigurationKeepsTheManagedStorageAwsHas() {
    EcsFixtures aws =
        EcsFixtures.aws("describe-clusters-shop.json")
            .answer("UpdateCluster", clusterAnswer(load("describe-clusters-shop.json")));

    ReconcileEngine.reconcile(
        adapter(aws, "shop"),
        SHOP,
        spec("configuration:\n  executeCommandConfiguration: {logging: NONE}\n"),
        false);

    assertThat(aws.writes()).containsExactly("UpdateCluster");
    JsonNode configuration = aws.lastRequest("UpdateCluster").get("configuration");
    assertThat(configuration.get("executeCommandConfiguration").toString())
        .isEqualTo("{\"logging\":\"NONE\"}");
    assertThat(
            configuration
                .get("managedStorageConfiguration")
                .get("fargateEphemeralStorageKmsKeyId")
                .asText())
        .endsWith("key/0987dcba-09fe-87dc-65ba-ab0987654321");
    assertThat(aws.lastRequest("UpdateCluster").has("settings")).isFalse();
  }

  @Test
  void providersWithoutAStrategyKeepAwsStrategyForTheProvidersLeft() {
    EcsFixtures aws =
        EcsFixtures.aws("describe-clusters-shop.json")
            .answer(
                "PutClusterCapacityProviders", clusterAnswer(load("describe-clusters-shop.json")));

    ReconcileEngine.reconcile(
        adapter(aws, "shop"), SHOP, spec("capacityProviders: [FARGATE]\n"), false);

    assertThat(aws.writes()).containsExactly("PutClusterCapacityProviders");
    JsonNode put = aws.lastRequest("PutClusterCapacityProviders");
    assertThat(put.get("capacityProviders").toString()).isEqualTo("[\"FARGATE\"]");
    assertThat(put.get("defaultCapacityProviderStrategy").toString())
        .isEqualTo("[{\"capacityProvider\":\"FARGATE\",\"weight\":1,\"base\":2}]");
  }

  @Test
  void aStrategyWithoutProvidersKeepsAwsProviders() {
    EcsFixtures aws =
        EcsFixtures.aws("describe-clusters-shop.json")
            .answer(
                "PutClusterCapacityProviders", clusterAnswer(load("describe-clusters-shop.json")));

    ReconcileEngine.reconcile(
        adapter(aws, "shop"),
        SHOP,
        spec("defaultCapacityProviderStrategy: [{capacityProvider: FARGATE_SPOT, weight: 1}]\n"),
        false);

    JsonNode put = aws.lastRequest("PutClusterCapacityProviders");
    assertThat(put.get("capacityProviders").toString()).isEqualTo("[\"FARGATE\",\"FARGATE_SPOT\"]");
    assertThat(put.get("defaultCapacityProviderStrategy").toString())
        .isEqualTo("[{\"capacityProvider\":\"FARGATE_SPOT\",\"weight\":1,\"base\":0}]");
  }

  @Test
  void aProvisioningClusterIsReconcilingUntilActive() {
    EcsFixtures aws =
        EcsFixtures.aws("describe-clusters-shop.json", "\"ACTIVE\"", "\"PROVISIONING\"");

    ReconcileOutcome<EcsClusterState> outcome =
        ReconcileEngine.reconcile(adapter(aws, "shop"), SHOP, spec("{}"), true);

    assertThat(outcome.state()).isEqualTo(State.PROGRESSING);
    assertThat(outcome.reason()).isEqualTo("ClusterProvisioning");
  }

  @Test
  void capacityProvidersBeingAttachedAreReconciling() {
    EcsFixtures aws =
        EcsFixtures.aws("describe-clusters-shop.json", "UPDATE_COMPLETE", "UPDATE_IN_PROGRESS");

    ReconcileOutcome<EcsClusterState> outcome =
        ReconcileEngine.reconcile(adapter(aws, "shop"), SHOP, spec("{}"), true);

    assertThat(outcome.state()).isEqualTo(State.PROGRESSING);
    assertThat(outcome.reason()).isEqualTo("CapacityProvidersUpdating");
  }

  @Test
  void aFailedClusterIsStalled() {
    EcsFixtures aws = EcsFixtures.aws("describe-clusters-shop.json", "\"ACTIVE\"", "\"FAILED\"");

    ReconcileOutcome<EcsClusterState> outcome =
        ReconcileEngine.reconcile(adapter(aws, "shop"), SHOP, spec("{}"), true);

    assertThat(outcome.state()).isEqualTo(State.STALLED);
    assertThat(outcome.reason()).isEqualTo("ClusterFailed");
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void theClustersOfARegionAreDescribedTogether() {
    EcsFixtures aws = EcsFixtures.aws("describe-clusters-shop.json");
    // Answers never kept: every read describes all the clusters asked for before.
    BatchedReader<String, EcsClusterState> reader =
        EcsClusterReader.batched(aws.factory(), Duration.ZERO);

    assertThat(
            new EcsClusterAdapter(aws.factory(), reader, false, "legacy", null)
                .observe(SHOP, spec("{}"))
                .exists())
        .as("not in the fixture")
        .isFalse();
    assertThat(
            new EcsClusterAdapter(aws.factory(), reader, false, "shop", null)
                .observe(SHOP, spec("{}"))
                .exists())
        .isTrue();

    assertThat(aws.lastRequest("DescribeClusters").get("clusters"))
        .extracting(JsonNode::asText)
        .containsExactly("shop", "legacy");
  }

  @Test
  void aDriftCheckUsesTheAnswerAtHandUntilOurOwnWriteDropsIt() {
    EcsFixtures aws = EcsFixtures.aws("describe-clusters-shop.json").answer("TagResource", "{}");
    BatchedReader<String, EcsClusterState> reader =
        EcsClusterReader.batched(aws.factory(), Duration.ofMinutes(1));
    EcsClusterAdapter shop = new EcsClusterAdapter(aws.factory(), reader, false, "shop", null);

    EcsClusterState actual = shop.observe(SHOP, spec("{}")).actual();
    shop.observe(SHOP, spec("{}"));
    assertThat(aws.operations()).containsExactly("DescribeClusters");

    shop.adopt(SHOP, actual);
    shop.observe(SHOP, spec("{}"));
    assertThat(aws.operations())
        .containsExactly("DescribeClusters", "TagResource", "DescribeClusters");
  }

  private static EcsClusterAdapter adapter(EcsFixtures aws, String name) {
    return new EcsClusterAdapter(aws.factory(), name, null);
  }

  private static EcsClusterSpec spec(String yaml) {
    return EcsFixtures.spec(yaml);
  }

  /** Fixtures whose DescribeClusters answers change from call to call. */
  private static final class EcsFixturesBuilder {
    private List<String> describe = List.of();

    EcsFixturesBuilder describe(String... answers) {
      this.describe = List.of(answers);
      return this;
    }

    EcsFixtures build() {
      return EcsFixtures.aws("describe-clusters-shop-missing.json")
          .answers("DescribeClusters", describe.toArray(String[]::new));
    }
  }
}

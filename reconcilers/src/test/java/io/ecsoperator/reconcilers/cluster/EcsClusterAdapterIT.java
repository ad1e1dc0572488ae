package io.ecsoperator.reconcilers.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.testsupport.AdapterIT;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The cluster adapter and the reconcile engine against moto (DESIGN §3, §6, §7): what each change
 * costs in AWS calls, ownership and deletion. What moto cannot show (service counts, DeleteCluster
 * refusals, namespace ARNs, PROVISIONING and FAILED clusters) is in {@link EcsClusterAdapterTest}.
 */
class EcsClusterAdapterIT extends AdapterIT<EcsClusterSpec, EcsClusterState> {

  private static final String NAME = "shop-adapter";

  /** Every setting the spec has; providers and strategy listed out of AWS's order. */
  private static final String FULL_SPEC =
      """
      clusterName: shop-adapter
      region: %s
      settings:
        - name: containerInsights
          value: enhanced
      configuration:
        executeCommandConfiguration:
          kmsKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab
          logging: OVERRIDE
          logConfiguration:
            cloudWatchLogGroupName: /ecs/exec/shop
            cloudWatchEncryptionEnabled: true
            s3BucketName: shop-exec-logs
            s3KeyPrefix: exec
        managedStorageConfiguration:
          fargateEphemeralStorageKmsKeyId: alias/fargate-storage
      capacityProviders: [FARGATE_SPOT, FARGATE]
      defaultCapacityProviderStrategy:
        - capacityProvider: FARGATE_SPOT
          weight: 4
        - capacityProvider: FARGATE
          weight: 1
          base: 2
      serviceConnectDefaults:
        namespace: shop.internal
      tags:
        team: web
        cost-center: cc-42
        stage: prod
      """;

  private EcsClient ecs;

  @Override
  protected ResourceAdapter<EcsClusterSpec, EcsClusterState> newAdapter(AwsClientFactory aws) {
    return new EcsClusterAdapter(aws, NAME, null);
  }

  @Override
  protected Class<EcsClusterSpec> specClass() {
    return EcsClusterSpec.class;
  }

  @Override
  protected String fullSpecYaml() {
    return FULL_SPEC.formatted(bed.region());
  }

  @BeforeEach
  void ecsClient() {
    ecs = aws.forRegion(null).ecs();
  }

  @Test
  void createWithEverySettingIsOneCallAndLeavesNothingToChange() {
    EcsClusterSpec spec = fullSpec();

    ReconcileOutcome<EcsClusterState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices()).extracting(Notice::reason).containsExactly("Created");
    assertThat(calls.writes()).isEqualTo(Map.of("CreateCluster", 1));

    Observation<EcsClusterState> observation = adapter.observe(REF, spec);
    assertThat(observation.exists()).isTrue();
    assertThat(observation.ownership()).isEqualTo(Ownership.OURS);
    assertThat(observation.changes().changes()).as("changes after create").isEmpty();

    Cluster cluster = describe();
    assertThat(cluster.status()).isEqualTo("ACTIVE");
    assertThat(cluster.settings())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.nameAsString()).isEqualTo("containerInsights");
              assertThat(s.value()).isEqualTo("enhanced");
            });
    var exec = cluster.configuration().executeCommandConfiguration();
    assertThat(exec.loggingAsString()).isEqualTo("OVERRIDE");
    assertThat(exec.kmsKeyId()).isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(exec.logConfiguration().cloudWatchLogGroupName()).isEqualTo("/ecs/exec/shop");
    assertThat(exec.logConfiguration().cloudWatchEncryptionEnabled()).isTrue();
    assertThat(exec.logConfiguration().s3BucketName()).isEqualTo("shop-exec-logs");
    assertThat(exec.logConfiguration().s3KeyPrefix()).isEqualTo("exec");
    assertThat(
            cluster.configuration().managedStorageConfiguration().fargateEphemeralStorageKmsKeyId())
        .isEqualTo("alias/fargate-storage");
    assertThat(cluster.capacityProviders()).containsExactlyInAnyOrder("FARGATE", "FARGATE_SPOT");
    assertThat(cluster.defaultCapacityProviderStrategy())
        .extracting(i -> i.capacityProvider() + "/" + i.weight() + "/" + i.base())
        .containsExactlyInAnyOrder("FARGATE/1/2", "FARGATE_SPOT/4/0");
    assertThat(cluster.serviceConnectDefaults().namespace()).isEqualTo("shop.internal");
    assertThat(tags(cluster))
        .containsEntry("team", "web")
        .containsEntry("cost-center", "cc-42")
        .containsEntry("stage", "prod")
        .containsEntry(OWNER_TAG, "ns/name")
        .containsEntry(ResourceRef.UID_TAG, "uid")
        .hasSize(5);
    assertThat(outcome.actual().arn()).isEqualTo(cluster.clusterArn());
    assertThat(outcome.actual().status()).isEqualTo("ACTIVE");
  }

  @Test
  void aSecondReconcileIsOneDescribeAndNoWrite() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    ReconcileOutcome<EcsClusterState> again = reconcile(fullSpec(), true);

    assertThat(again.state()).isEqualTo(State.READY);
    assertThat(again.notices()).isEmpty();
    assertThat(calls.all()).isEqualTo(Map.of("DescribeClusters", 1));
  }

  @Test
  void reorderedProvidersAndStrategyAreNoChange() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsClusterSpec spec =
        spec(
            fullSpecYaml()
                .replace("[FARGATE_SPOT, FARGATE]", "[FARGATE, FARGATE_SPOT]")
                .replace(
                    """
                      - capacityProvider: FARGATE_SPOT
                        weight: 4
                      - capacityProvider: FARGATE
                        weight: 1
                        base: 2
                    """,
                    """
                      - capacityProvider: FARGATE
                        weight: 1
                        base: 2
                      - capacityProvider: FARGATE_SPOT
                        weight: 4
                        base: 0
                    """));

    assertThat(reconcile(spec, true).state()).isEqualTo(State.READY);

    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void changingOnlyTagsCallsOnlyTheTaggingApis() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsClusterSpec spec =
        spec(
            fullSpecYaml()
                .replace("team: web", "team: api")
                .replace("  stage: prod\n", "  owner: platform\n"));

    ReconcileOutcome<EcsClusterState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices()).extracting(Notice::message).containsExactly("updated tags");
    assertThat(calls.writes()).isEqualTo(Map.of("TagResource", 1, "UntagResource", 1));
    assertThat(tags(describe()))
        .containsEntry("team", "api")
        .containsEntry("owner", "platform")
        .containsEntry("cost-center", "cc-42")
        .doesNotContainKey("stage")
        .containsEntry(OWNER_TAG, "ns/name")
        .containsEntry(ResourceRef.UID_TAG, "uid");
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void anEmptyTagMapRemovesTheUserTagsButKeepsOwnership() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    reconcile(spec(fullSpecYaml().replaceAll("(?s)\ntags:.*", "\ntags: {}\n")), false);

    assertThat(calls.writes()).isEqualTo(Map.of("UntagResource", 1));
    assertThat(tags(describe())).containsOnlyKeys(OWNER_TAG, ResourceRef.UID_TAG);
  }

  @Test
  void changingOnlyASettingCallsOnlyUpdateCluster() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsClusterSpec spec = spec(fullSpecYaml().replace("value: enhanced", "value: disabled"));

    ReconcileOutcome<EcsClusterState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices()).extracting(Notice::message).containsExactly("updated settings");
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateCluster", 1));
    assertThat(describe().settings().get(0).value()).isEqualTo("disabled");
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void changingTheExecuteCommandLoggingCallsOnlyUpdateCluster() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsClusterSpec spec =
        spec(
            fullSpecYaml()
                .replace(
                    "cloudWatchLogGroupName: /ecs/exec/shop",
                    "cloudWatchLogGroupName: /ecs/exec/other"));

    ReconcileOutcome<EcsClusterState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateCluster", 1));
    Cluster cluster = describe();
    assertThat(
            cluster
                .configuration()
                .executeCommandConfiguration()
                .logConfiguration()
                .cloudWatchLogGroupName())
        .isEqualTo("/ecs/exec/other");
    assertThat(
            cluster.configuration().managedStorageConfiguration().fargateEphemeralStorageKmsKeyId())
        .as("the managed storage block is sent along, unchanged")
        .isEqualTo("alias/fargate-storage");
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void changingAndRemovingTheServiceConnectNamespaceCallsOnlyUpdateCluster() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsClusterSpec other = spec(fullSpecYaml().replace("shop.internal", "shop.other"));

    assertThat(reconcile(other, false).state()).isEqualTo(State.READY);

    assertThat(calls.writes()).isEqualTo(Map.of("UpdateCluster", 1));
    assertThat(describe().serviceConnectDefaults().namespace()).isEqualTo("shop.other");

    calls.reset();
    EcsClusterSpec none =
        spec(fullSpecYaml().replace("namespace: shop.internal", "namespace: \"\""));
    assertThat(reconcile(none, false).state()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateCluster", 1));
    assertThat(adapter.observe(REF, none).changes().isEmpty()).isTrue();
  }

  @Test
  void changingOnlyTheProvidersCallsOnlyPutClusterCapacityProviders() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsClusterSpec spec =
        spec(
            fullSpecYaml()
                .replace(
                    "capacityProviders: [FARGATE_SPOT, FARGATE]", "capacityProviders: [FARGATE]")
                .replaceAll(
                    "(?s)defaultCapacityProviderStrategy:.*?serviceConnect", "serviceConnect"));

    ReconcileOutcome<EcsClusterState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("PutClusterCapacityProviders", 1));
    Cluster cluster = describe();
    assertThat(cluster.capacityProviders()).containsExactly("FARGATE");
    assertThat(cluster.defaultCapacityProviderStrategy())
        .as("the strategy of the provider left is kept")
        .extracting(CapacityProviderStrategyItem::capacityProvider)
        .containsExactly("FARGATE");
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void changingOnlyAWeightCallsOnlyPutClusterCapacityProviders() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsClusterSpec spec = spec(fullSpecYaml().replace("weight: 4", "weight: 2"));

    reconcile(spec, false);

    assertThat(calls.writes()).isEqualTo(Map.of("PutClusterCapacityProviders", 1));
    assertThat(describe().defaultCapacityProviderStrategy())
        .extracting(i -> i.capacityProvider() + "/" + i.weight())
        .containsExactlyInAnyOrder("FARGATE/1", "FARGATE_SPOT/2");
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void emptyListsRemoveProvidersAndStrategy() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsClusterSpec spec =
        spec(
            fullSpecYaml()
                .replace("capacityProviders: [FARGATE_SPOT, FARGATE]", "capacityProviders: []")
                .replaceAll(
                    "(?s)defaultCapacityProviderStrategy:.*?serviceConnect",
                    "defaultCapacityProviderStrategy: []\nserviceConnect"));

    reconcile(spec, false);

    assertThat(calls.writes()).isEqualTo(Map.of("PutClusterCapacityProviders", 1));
    assertThat(describe().capacityProviders()).isEmpty();
    assertThat(describe().defaultCapacityProviderStrategy()).isEmpty();
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void everyKindOfChangeAtOnceCostsOneCallPerApi() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsClusterSpec spec =
        spec(
            fullSpecYaml()
                .replace("value: enhanced", "value: enabled")
                .replace("kmsKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab", "kmsKeyId: other-key")
                .replace("shop.internal", "shop.other")
                .replace("weight: 4", "weight: 3")
                .replace("team: web", "team: api"));

    ReconcileOutcome<EcsClusterState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes())
        .isEqualTo(Map.of("UpdateCluster", 1, "PutClusterCapacityProviders", 1, "TagResource", 1));
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void anUnownedClusterStallsUntilAdopted() {
    ecs.createCluster(r -> r.clusterName(NAME).tags(tag("team", "web")));
    calls.reset();

    ReconcileOutcome<EcsClusterState> refused = reconcile(fullSpec(), false);

    assertThat(refused.state()).isEqualTo(State.STALLED);
    assertThat(refused.reason()).isEqualTo("AlreadyExists");
    assertThat(calls.writes()).isEmpty();

    ReconcileOutcome<EcsClusterState> adopted =
        reconcile(spec("adopt: true\n" + fullSpecYaml()), false);

    assertThat(adopted.state()).as(adopted.message()).isEqualTo(State.READY);
    assertThat(adopted.notices()).extracting(Notice::reason).contains("Adopted", "Updated");
    assertThat(tags(describe())).containsEntry(OWNER_TAG, "ns/name").containsEntry("stage", "prod");
    assertThat(describe().settings().get(0).value()).isEqualTo("enhanced");
    assertThat(adapter.observe(REF, fullSpec()).changes().isEmpty()).isTrue();
  }

  @Test
  void deletingLeavesTheClusterInactiveWhichCountsAsGone() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    DeleteOutcome outcome = ReconcileEngine.delete(adapter, REF, fullSpec());

    assertThat(outcome.progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(outcome.reason()).isEqualTo("Deleted");
    assertThat(calls.writes()).isEqualTo(Map.of("DeleteCluster", 1));
    assertThat(describe().status()).isEqualTo("INACTIVE");
    assertThat(adapter.observe(REF, fullSpec()).exists()).isFalse();

    calls.reset();
    assertThat(ReconcileEngine.delete(adapter, REF, fullSpec()).progress())
        .isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(calls.writes()).as("nothing left to delete").isEmpty();
  }

  @Test
  void deletingAClusterThatNeverExistedIsDone() {
    DeleteOutcome viaEngine = ReconcileEngine.delete(adapter, REF, fullSpec());
    assertThat(viaEngine.progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(calls.writes()).as("the engine saw it was gone").isEmpty();

    // The adapter on its own: the cluster vanished between observe and delete.
    DeleteOutcome direct = adapter.delete(REF, fullSpec(), null);
    assertThat(direct.progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(calls.writes()).isEqualTo(Map.of("DeleteCluster", 1));
  }

  @Test
  void observeOnlyReportsDriftAndNeverWrites() {
    ecs.createCluster(
        r -> r.clusterName(NAME).settings(s -> s.name("containerInsights").value("disabled")));
    calls.reset();

    ReconcileOutcome<EcsClusterState> outcome =
        reconcile(
            spec(
                """
                managementPolicy: ObserveOnly
                settings: [{name: containerInsights, value: enabled}]
                capacityProviders: [FARGATE]
                """),
            false);

    assertThat(outcome.state()).isEqualTo(State.DRIFTED);
    assertThat(outcome.drift())
        .extracting(c -> c.path())
        .containsExactly("settings", "capacityProviders");
    assertThat(calls.writes()).isEmpty();
    assertThat(describe().settings().get(0).value()).isEqualTo("disabled");
  }

  @Test
  void aClusterInAnotherRegionIsManagedThere() {
    String region = otherRegion();
    EcsClusterSpec spec =
        spec(fullSpecYaml().replace("region: " + bed.region(), "region: " + region));

    assertThat(reconcile(spec, false).state()).isEqualTo(State.READY);
    calls.reset();
    assertThat(reconcile(spec, true).state()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEmpty();

    EcsClient there = aws.forRegion(region).ecs();
    assertThat(there.describeClusters(r -> r.clusters(NAME)).clusters().get(0).clusterArn())
        .contains(":" + region + ":");
    assertThat(ecs.listClusters().clusterArns()).as("nothing in the default region").isEmpty();

    assertThat(ReconcileEngine.delete(adapter, REF, spec).progress())
        .isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(there.describeClusters(r -> r.clusters(NAME)).clusters().get(0).status())
        .isEqualTo("INACTIVE");
  }

  private Cluster describe() {
    return ecs.describeClusters(
            r ->
                r.clusters(NAME)
                    .include(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS, ClusterField.TAGS))
        .clusters()
        .get(0);
  }

  private static Map<String, String> tags(Cluster cluster) {
    return cluster.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}

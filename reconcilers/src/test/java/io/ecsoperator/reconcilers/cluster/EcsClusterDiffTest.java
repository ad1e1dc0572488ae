package io.ecsoperator.reconcilers.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.cluster.EcsClusterState.StrategyItem;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.engine.TerminalException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster diff against real describe-clusters output (DESIGN §7: no perpetual diffs). */
class EcsClusterDiffTest {

  private static final String NAMESPACE_ARN =
      "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-igwrsylmy3kwvcdx";

  /**
   * Everything declared, and equal in meaning to what describe-clusters-shop.json says AWS has:
   * lists in another order, a key ID where AWS shows the ARN, a strategy base left out where AWS
   * shows 0, an encryption flag false where AWS shows false.
   */
  private static final String FULL_SPEC =
      """
      clusterName: shop
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
            s3EncryptionEnabled: false
        managedStorageConfiguration:
          fargateEphemeralStorageKmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321
      capacityProviders: [FARGATE, FARGATE_SPOT]
      defaultCapacityProviderStrategy:
        - capacityProvider: FARGATE
          weight: 1
          base: 2
        - capacityProvider: FARGATE_SPOT
          weight: 4
      serviceConnectDefaults:
        namespace: %s
      tags:
        cost-center: cc-42
        team: web
      """
          .formatted(NAMESPACE_ARN);

  private final EcsClusterState shop = EcsFixtures.aws("describe-clusters-shop.json").read("shop");
  private final EcsClusterState legacy =
      EcsFixtures.aws("describe-clusters-legacy.json").read("legacy");

  @Test
  void theFullSpecMatchesTheClusterItDescribes() {
    assertThat(diff(FULL_SPEC, shop).changes()).isEmpty();
  }

  @Test
  void anEmptySpecComparesNothing() {
    assertThat(diff("{}", shop).changes()).isEmpty();
    assertThat(diff("{}", legacy).changes()).isEmpty();
  }

  @Test
  void awsDefaultsOfAClusterMadeWithOnlyANameAreNotDrift() {
    assertThat(diff("clusterName: legacy\ntags: {}\n", legacy).changes()).isEmpty();
    assertThat(diff("settings: []\n", legacy).changes()).isEmpty();
    assertThat(
            diff("configuration:\n  executeCommandConfiguration:\n    logging: DEFAULT\n", legacy)
                .changes())
        .as("DEFAULT is AWS's logging when none is set")
        .isEmpty();
    assertThat(
            diff("capacityProviders: []\ndefaultCapacityProviderStrategy: []\n", legacy).changes())
        .isEmpty();
  }

  @Test
  void settingsAreComparedByNameOnlyForDeclaredNames() {
    ChangeSet changes = diff("settings:\n  - {name: containerInsights, value: enabled}\n", shop);

    assertThat(changes.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path()).isEqualTo("settings");
              assertThat(c.desired()).isEqualTo(Map.of("containerInsights", "enabled"));
              assertThat(c.actual()).isEqualTo(Map.of("containerInsights", "enhanced"));
              assertThat(c.strategy()).isEqualTo(ChangeStrategy.IN_PLACE);
            });
  }

  @Test
  void capacityProvidersAreASet() {
    assertThat(diff("capacityProviders: [FARGATE_SPOT, FARGATE]\n", shop).changes()).isEmpty();

    ChangeSet changes = diff("capacityProviders: [FARGATE]\n", shop);

    assertThat(changes.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path()).isEqualTo("capacityProviders");
              assertThat(c.desired()).isEqualTo(List.of("FARGATE"));
              assertThat(c.actual()).isEqualTo(List.of("FARGATE", "FARGATE_SPOT"));
            });
  }

  @Test
  void referencedProvidersJoinTheNamedOnesUnderTheirAwsNames() {
    ProviderNames names = new ProviderNames(Map.of("spot-object", "FARGATE_SPOT"));
    EcsClusterSpec spec =
        EcsFixtures.spec(
            """
            capacityProviders: [FARGATE]
            capacityProviderRefs: [{name: spot-object}]
            defaultCapacityProviderStrategy:
              - {capacityProviderRef: {name: spot-object}, weight: 4}
              - {capacityProvider: FARGATE, weight: 1, base: 2}
            """);

    assertThat(EcsClusterDiff.diff(spec, names, shop, ManagedInstancesProviders.NONE).changes())
        .isEmpty();
    assertThat(
            paths(
                EcsClusterDiff.diff(
                    spec,
                    new ProviderNames(Map.of("spot-object", "other")),
                    shop,
                    ManagedInstancesProviders.NONE)))
        .containsExactly("capacityProviders", "defaultCapacityProviderStrategy");
  }

  @Test
  void theClustersManagedInstancesProvidersAreNeitherAddedNorRemoved() {
    EcsClusterState withManaged =
        EcsFixtures.aws(
                "describe-clusters-shop.json",
                "\"capacityProviders\": [",
                "\"capacityProviders\": [\"shop-managed\", ")
            .read("shop");
    EcsClusterSpec spec = EcsFixtures.spec("capacityProviders: [FARGATE, FARGATE_SPOT]\n");

    assertThat(
            EcsClusterDiff.diff(
                    spec,
                    ProviderNames.NONE,
                    withManaged,
                    new ManagedInstancesProviders(Map.of("shop-managed", "shop")))
                .changes())
        .isEmpty();
    assertThat(
            paths(
                EcsClusterDiff.diff(
                    spec,
                    ProviderNames.NONE,
                    withManaged,
                    new ManagedInstancesProviders(Map.of("shop-managed", "other")))))
        .as("another cluster's provider is not this cluster's to keep")
        .containsExactly("capacityProviders");
  }

  @Test
  void listingAManagedInstancesProviderStallsNamingItAndWhy() {
    ManagedInstancesProviders managed =
        new ManagedInstancesProviders(Map.of("shop-managed", "shop"));

    assertThatThrownBy(() -> managed.refuseListed(List.of("FARGATE", "shop-managed"), "shop"))
        .isInstanceOfSatisfying(
            TerminalException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("ManagedInstancesProviderListed");
              assertThat(e.getMessage())
                  .contains("shop-managed")
                  .contains("Managed Instances provider of cluster shop")
                  .contains("PutClusterCapacityProviders cannot associate it");
            });
    managed.refuseListed(List.of("FARGATE"), "shop");
  }

  @Test
  void anEmptyProviderListAsksToRemoveThemAll() {
    assertThat(paths(diff("capacityProviders: []\n", shop))).containsExactly("capacityProviders");
  }

  @Test
  void theDefaultStrategyIsASetWithZeroWeightAndBaseAsAbsent() {
    String reordered =
        """
        defaultCapacityProviderStrategy:
          - {capacityProvider: FARGATE_SPOT, weight: 4, base: 0}
          - {capacityProvider: FARGATE, weight: 1, base: 2}
        """;
    assertThat(diff(reordered, shop).changes()).isEmpty();

    EcsClusterState zeroWeight =
        EcsFixtures.aws(
                "describe-clusters-legacy.json",
                "\"defaultCapacityProviderStrategy\": []",
                "\"defaultCapacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\","
                    + " \"weight\": 0, \"base\": 1}]")
            .read("legacy");
    assertThat(
            diff(
                    "defaultCapacityProviderStrategy: [{capacityProvider: FARGATE, base: 1}]\n",
                    zeroWeight)
                .changes())
        .isEmpty();
  }

  @Test
  void aChangedWeightIsAStrategyChange() {
    ChangeSet changes =
        diff(
            """
            defaultCapacityProviderStrategy:
              - {capacityProvider: FARGATE, weight: 1, base: 2}
              - {capacityProvider: FARGATE_SPOT, weight: 3}
            """,
            shop);

    assertThat(changes.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path()).isEqualTo("defaultCapacityProviderStrategy");
              assertThat(c.desired())
                  .isEqualTo(
                      List.of(
                          new StrategyItem("FARGATE", 1, 2),
                          new StrategyItem("FARGATE_SPOT", 3, 0)));
              assertThat(c.toString()).contains("FARGATE_SPOT(weight=4, base=0)");
            });
  }

  @Test
  void eachConfigurationFieldIsComparedOnItsOwn() {
    ChangeSet changes =
        diff(
            """
            configuration:
              executeCommandConfiguration:
                logging: OVERRIDE
                logConfiguration:
                  cloudWatchLogGroupName: /ecs/exec/other
                  s3EncryptionEnabled: true
            """,
            shop);

    assertThat(paths(changes))
        .containsExactly(
            "configuration.executeCommandConfiguration.logConfiguration.cloudWatchLogGroupName",
            "configuration.executeCommandConfiguration.logConfiguration.s3EncryptionEnabled");
  }

  @Test
  void aFlagLeftOutByAwsIsOff() {
    EcsClusterState withoutFlag =
        EcsFixtures.aws(
                "describe-clusters-shop.json",
                ",\n                        \"s3EncryptionEnabled\": false",
                "")
            .read("shop");
    String spec =
        """
        configuration:
          executeCommandConfiguration:
            logConfiguration: {cloudWatchLogGroupName: /ecs/exec/shop, s3EncryptionEnabled: %s}
        """;

    assertThat(diff(spec.formatted("false"), withoutFlag).changes()).isEmpty();
    assertThat(paths(diff(spec.formatted("true"), withoutFlag)))
        .containsExactly(
            "configuration.executeCommandConfiguration.logConfiguration.s3EncryptionEnabled");
  }

  @Test
  void configurationOnAClusterWithoutOneIsAChange() {
    ChangeSet changes =
        diff(
            """
            configuration:
              executeCommandConfiguration: {logging: NONE}
              managedStorageConfiguration: {kmsKeyId: alias/ebs}
            """,
            legacy);

    assertThat(paths(changes))
        .containsExactly(
            "configuration.executeCommandConfiguration.logging",
            "configuration.managedStorageConfiguration.kmsKeyId");
    assertThat(changes.changes().get(0).actual()).isEqualTo("DEFAULT");
    assertThat(changes.changes().get(1).actual()).isNull();
  }

  @Test
  void kmsKeysMatchAcrossIdAndArnButNotAcrossKeys() {
    String spec = "configuration:\n  executeCommandConfiguration:\n    kmsKeyId: %s\n";

    assertThat(diff(spec.formatted("1234abcd-12ab-34cd-56ef-1234567890ab"), shop).changes())
        .isEmpty();
    assertThat(
            diff(
                    spec.formatted(
                        "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                    shop)
                .changes())
        .isEmpty();
    assertThat(paths(diff(spec.formatted("ffffffff-12ab-34cd-56ef-1234567890ab"), shop)))
        .containsExactly("configuration.executeCommandConfiguration.kmsKeyId");
    assertThat(diff(spec.formatted("alias/exec"), shop).changes())
        .as("an alias cannot be resolved without KMS")
        .isEmpty();
  }

  @Test
  void aliasesAreComparedWithAliases() {
    EcsClusterState aliased =
        EcsFixtures.aws(
                "describe-clusters-shop.json",
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:eu-west-1:123456789012:alias/exec")
            .read("shop");
    String spec = "configuration:\n  executeCommandConfiguration:\n    kmsKeyId: %s\n";

    assertThat(diff(spec.formatted("alias/exec"), aliased).changes()).isEmpty();
    assertThat(paths(diff(spec.formatted("alias/other"), aliased)))
        .containsExactly("configuration.executeCommandConfiguration.kmsKeyId");
  }

  @Test
  void aNamespaceArnIsComparedAsIs() {
    assertThat(
            diff("serviceConnectDefaults: {namespace: %s}\n".formatted(NAMESPACE_ARN), shop)
                .changes())
        .isEmpty();
    assertThat(
            paths(
                diff(
                    "serviceConnectDefaults: {namespace: %s}\n"
                        .formatted(NAMESPACE_ARN.replace("ns-igw", "ns-abc")),
                    shop)))
        .containsExactly("serviceConnectDefaults.namespace");
  }

  @Test
  void aNamespaceNameMatchesOnlyTheArnItIsKnownToHave() {
    String spec = "serviceConnectDefaults: {namespace: shop}\n";

    assertThat(diff(spec, shop).changes())
        .as("AWS reports an ARN that does not contain the name")
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path()).isEqualTo("serviceConnectDefaults.namespace");
              assertThat(c.desired()).isEqualTo("shop");
              assertThat(c.actual()).isEqualTo(NAMESPACE_ARN);
            });
    assertThat(diff(spec, shop.withServiceConnectNamespaceName("shop")).changes()).isEmpty();
    assertThat(paths(diff(spec, shop.withServiceConnectNamespaceName("other"))))
        .containsExactly("serviceConnectDefaults.namespace");
    assertThat(paths(diff(spec, legacy))).containsExactly("serviceConnectDefaults.namespace");
  }

  @Test
  void anEmptyNamespaceAsksForNone() {
    String spec = "serviceConnectDefaults: {namespace: \"\"}\n";

    assertThat(diff(spec, legacy).changes()).isEmpty();
    assertThat(diff(spec, shop).changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.desired()).isNull();
              assertThat(c.actual()).isEqualTo(NAMESPACE_ARN);
            });
  }

  @Test
  void tagsIgnoreAwsAndOwnershipTags() {
    assertThat(diff("tags: {team: web, cost-center: cc-42}\n", shop).changes()).isEmpty();

    ChangeSet changes = diff("tags: {team: api}\n", shop);

    assertThat(changes.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path()).isEqualTo("tags");
              assertThat(c.strategy()).isEqualTo(ChangeStrategy.TAGS_ONLY);
              assertThat(c.actual()).isEqualTo(Map.of("team", "web", "cost-center", "cc-42"));
            });
  }

  @Test
  void nothingOfAClusterNeedsReplacing() {
    String everythingDifferent =
        """
        settings: [{name: containerInsights, value: disabled}]
        configuration:
          executeCommandConfiguration: {kmsKeyId: other, logging: NONE}
          managedStorageConfiguration: {kmsKeyId: other, fargateEphemeralStorageKmsKeyId: other}
        capacityProviders: [FARGATE]
        defaultCapacityProviderStrategy: [{capacityProvider: FARGATE, weight: 1}]
        serviceConnectDefaults: {namespace: other}
        tags: {team: api}
        """;

    ChangeSet changes = diff(everythingDifferent, shop);

    assertThat(changes.changes()).hasSize(9);
    assertThat(changes.hasAny(ChangeStrategy.REPLACE)).isFalse();
    assertThat(changes.hasAny(ChangeStrategy.NEW_REVISION)).isFalse();
    assertThat(changes.only(ChangeStrategy.TAGS_ONLY))
        .extracting(FieldChange::path)
        .containsExactly("tags");
  }

  private static ChangeSet diff(String yaml, EcsClusterState actual) {
    EcsClusterSpec spec = EcsFixtures.spec(yaml);
    return EcsClusterDiff.diff(spec, actual);
  }

  private static List<String> paths(ChangeSet changes) {
    return changes.changes().stream().map(FieldChange::path).toList();
  }
}

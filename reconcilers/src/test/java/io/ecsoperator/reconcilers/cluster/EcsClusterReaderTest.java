package io.ecsoperator.reconcilers.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.cluster.EcsClusterState.StrategyItem;
import org.junit.jupiter.api.Test;

/** The fixtures read through the real reader and SDK: what the diff tests compare against. */
class EcsClusterReaderTest {

  @Test
  void readsEveryFieldOfADescribedCluster() {
    EcsClusterState state = EcsFixtures.aws("describe-clusters-shop.json").read("shop");

    assertThat(state.clusterName()).isEqualTo("shop");
    assertThat(state.arn()).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/shop");
    assertThat(state.status()).isEqualTo("ACTIVE");
    assertThat(state.runningTasksCount()).isEqualTo(7);
    assertThat(state.pendingTasksCount()).isEqualTo(1);
    assertThat(state.activeServicesCount()).isEqualTo(3);
    assertThat(state.registeredContainerInstancesCount()).isZero();
    assertThat(state.settings())
        .containsExactlyEntriesOf(java.util.Map.of("containerInsights", "enhanced"));
    assertThat(state.configuration().executeCommandConfiguration().loggingAsString())
        .isEqualTo("OVERRIDE");
    assertThat(
            state
                .configuration()
                .executeCommandConfiguration()
                .logConfiguration()
                .s3EncryptionEnabled())
        .isFalse();
    assertThat(state.configuration().managedStorageConfiguration().kmsKeyId()).isNull();
    assertThat(state.attachmentsStatus()).isEqualTo("UPDATE_COMPLETE");
  }

  @Test
  void capacityProvidersAndStrategyComeSortedAsSets() {
    EcsClusterState state = EcsFixtures.aws("describe-clusters-shop.json").read("shop");

    assertThat(state.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
    assertThat(state.defaultCapacityProviderStrategy())
        .containsExactly(new StrategyItem("FARGATE", 1, 2), new StrategyItem("FARGATE_SPOT", 4, 0));
  }

  @Test
  void aStrategyItemWithoutWeightOrBaseReadsAsZero() {
    EcsClusterState state =
        EcsFixtures.aws(
                "describe-clusters-shop.json",
                "\"weight\": 4,\n                    \"base\": 0",
                "\"weight\": 4")
            .read("shop");

    assertThat(state.defaultCapacityProviderStrategy())
        .contains(new StrategyItem("FARGATE_SPOT", 4, 0));
  }

  @Test
  void theNamespaceArnIsKeptAndItsNameIsUnknown() {
    EcsClusterState state = EcsFixtures.aws("describe-clusters-shop.json").read("shop");

    assertThat(state.serviceConnectNamespace())
        .isEqualTo("arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-igwrsylmy3kwvcdx");
    assertThat(state.serviceConnectNamespaceName())
        .as("the ARN does not contain the name")
        .isNull();
  }

  @Test
  void keepsAllTagsIncludingReservedOnes() {
    EcsClusterState state = EcsFixtures.aws("describe-clusters-shop.json").read("shop");

    assertThat(state.tags())
        .containsOnlyKeys(
            "team",
            "cost-center",
            "aws:cloudformation:stack-name",
            "ecsoperator.io/owner",
            "ecsoperator.io/uid")
        .containsEntry("ecsoperator.io/owner", "apps/shop");
  }

  @Test
  void aClusterMadeWithOnlyANameHasAwsDefaultsAndNothingElse() {
    EcsClusterState state = EcsFixtures.aws("describe-clusters-legacy.json").read("legacy");

    assertThat(state.settings()).containsEntry("containerInsights", "disabled");
    assertThat(state.configuration()).isNull();
    assertThat(state.capacityProviders()).isEmpty();
    assertThat(state.defaultCapacityProviderStrategy()).isEmpty();
    assertThat(state.serviceConnectNamespace()).isNull();
    assertThat(state.tags()).isEmpty();
    assertThat(state.attachmentsStatus()).isNull();
  }

  @Test
  void asksForSettingsConfigurationsAndTagsOfTheOneCluster() {
    EcsFixtures aws = EcsFixtures.aws("describe-clusters-shop.json");

    aws.read("shop");

    JsonNode request = aws.lastRequest("DescribeClusters");
    assertThat(request.get("clusters")).hasSize(1);
    assertThat(request.get("clusters").get(0).asText()).isEqualTo("shop");
    assertThat(request.get("include").toString())
        .isEqualTo("[\"SETTINGS\",\"CONFIGURATIONS\",\"TAGS\"]");
    assertThat(aws.operations()).containsExactly("DescribeClusters");
  }

  @Test
  void aMissingClusterReadsAsAbsent() {
    assertThat(EcsFixtures.aws("describe-clusters-shop-missing.json").read("shop")).isNull();
  }

  @Test
  void anInactiveClusterReadsAsAbsent() {
    assertThat(EcsFixtures.aws("describe-clusters-shop-inactive.json").read("shop")).isNull();
  }

  @Test
  void anEmptyNamespaceReadsAsNone() {
    EcsClusterState state =
        EcsFixtures.aws(
                "describe-clusters-shop.json",
                "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-igwrsylmy3kwvcdx",
                "")
            .read("shop");

    assertThat(state.serviceConnectNamespace()).isNull();
  }

  @Test
  void aFailureOtherThanMissingIsAnError() {
    EcsFixtures aws =
        EcsFixtures.aws("describe-clusters-shop-missing.json", "\"MISSING\"", "\"INTERNAL_ERROR\"");

    assertThatThrownBy(() -> aws.read("shop"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("INTERNAL_ERROR");
  }
}

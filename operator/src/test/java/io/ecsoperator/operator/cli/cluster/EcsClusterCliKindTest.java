package io.ecsoperator.operator.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.reconcilers.cluster.EcsClusterDiff;
import io.ecsoperator.reconcilers.cluster.EcsClusterState;
import io.ecsoperator.reconcilers.cluster.EcsClusterState.StrategyItem;
import io.ecsoperator.reconcilers.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandConfiguration;

/** Import's spec from clusters as ECS describes them, defaults included. */
class EcsClusterCliKindTest {

  private static EcsClusterState state(
      String name,
      Map<String, String> settings,
      ClusterConfiguration configuration,
      List<String> providers,
      List<StrategyItem> strategy,
      String namespace,
      Map<String, String> tags) {
    return new EcsClusterState(
        name,
        "arn:aws:ecs:eu-west-1:123456789012:cluster/" + name,
        "ACTIVE",
        0,
        3,
        0,
        2,
        settings,
        configuration,
        providers,
        strategy,
        namespace,
        namespace,
        "UPDATE_COMPLETE",
        tags);
  }

  @Test
  void awsDefaultsAreLeftOut() {
    // As describe-clusters reports a cluster made with no options: Container Insights disabled,
    // exec logging DEFAULT.
    EcsClusterState plain =
        state(
            "default",
            Map.of("containerInsights", "disabled"),
            ClusterConfiguration.builder()
                .executeCommandConfiguration(
                    ExecuteCommandConfiguration.builder().logging("DEFAULT").build())
                .build(),
            List.of(),
            List.of(),
            null,
            Map.of());

    EcsClusterSpec spec = EcsClusterCliKind.spec(plain, "default", null);

    assertThat(Json.toTree(spec)).isEqualTo(Json.parse("{\"adopt\":true}"));
    assertThat(EcsClusterDiff.diff(spec, plain).isEmpty()).isTrue();
  }

  @Test
  void everythingElseIsDeclaredSoThatPlanFindsNoChange() {
    String namespaceArn = "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-abc";
    EcsClusterState full =
        state(
            "Shop_Prod",
            Map.of("containerInsights", "enhanced"),
            ClusterConfiguration.builder()
                .executeCommandConfiguration(
                    ExecuteCommandConfiguration.builder()
                        .logging("OVERRIDE")
                        .kmsKeyId("arn:aws:kms:eu-west-1:123456789012:key/k")
                        .logConfiguration(
                            l ->
                                l.cloudWatchLogGroupName("/exec")
                                    .cloudWatchEncryptionEnabled(false))
                        .build())
                .build(),
            List.of("FARGATE", "FARGATE_SPOT"),
            List.of(new StrategyItem("FARGATE", 1, 2), new StrategyItem("FARGATE_SPOT", 3, 0)),
            namespaceArn,
            Map.of("team", "shop", "aws:created-by", "console"));

    EcsClusterSpec spec = EcsClusterCliKind.spec(full, "shop-prod", null);

    assertThat(spec.clusterName).isEqualTo("Shop_Prod");
    assertThat(spec.settings)
        .singleElement()
        .satisfies(s -> assertThat(s.value.name()).isEqualTo("enhanced"));
    assertThat(
            spec.configuration
                .executeCommandConfiguration
                .logConfiguration
                .cloudWatchEncryptionEnabled)
        .as("false is AWS's default")
        .isNull();
    assertThat(spec.defaultCapacityProviderStrategy.get(1).base).as("0 is AWS's default").isNull();
    assertThat(spec.serviceConnectDefaults.namespace).isEqualTo(namespaceArn);
    assertThat(spec.tags).containsExactly(Map.entry("team", "shop"));
    assertThat(EcsClusterDiff.diff(spec, full).changes()).isEmpty();
  }
}

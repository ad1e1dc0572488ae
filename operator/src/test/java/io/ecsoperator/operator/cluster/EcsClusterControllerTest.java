package io.ecsoperator.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.cluster.EcsClusterStatus;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ObservedStatus;
import io.ecsoperator.operator.settings.OperatorSettings;
import io.ecsoperator.reconcilers.cluster.EcsClusterState;
import io.ecsoperator.reconcilers.cluster.NamespaceName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status fields a cluster reconcile leaves for the next one. */
class EcsClusterControllerTest {

  private static final String NAMESPACE_ARN =
      "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-igwrsylmy3kwvcdx";

  private final EcsClusterController controller =
      new EcsClusterController(
          new ControllerWiring(null, null, null, null, OperatorSettings.defaults()));

  @Test
  void theNameANamespaceArnWasSetByIsKeptForTheNextReconcile() {
    EcsClusterStatus status = new EcsClusterStatus();

    controller.copyObserved(cluster(NAMESPACE_ARN, "shop.internal"), status);

    assertThat(status.serviceConnectNamespace).isEqualTo(NAMESPACE_ARN);
    assertThat(status.serviceConnectNamespaceName).isEqualTo("shop.internal");
    assertThat(EcsClusterAdapters.namespaceName(status))
        .isEqualTo(new NamespaceName("shop.internal", NAMESPACE_ARN));
  }

  @Test
  void aNamespaceAwsReportsByNameNeedsNoName() {
    EcsClusterStatus status = new EcsClusterStatus();

    controller.copyObserved(cluster("shop.internal", "shop.internal"), status);

    assertThat(status.serviceConnectNamespace).isEqualTo("shop.internal");
    assertThat(status.serviceConnectNamespaceName).isNull();
    assertThat(EcsClusterAdapters.namespaceName(status)).isNull();
  }

  @Test
  void countsAndStatusComeFromAws() {
    EcsClusterStatus status = new EcsClusterStatus();

    controller.copyObserved(cluster(null, null), status);
    EcsClusterStatus kept = ObservedStatus.kept(status, EcsClusterStatus::new);

    assertThat(status.arn).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/shop");
    assertThat(status.status).isEqualTo("ACTIVE");
    assertThat(status.runningTasksCount).isEqualTo(7);
    assertThat(status.pendingTasksCount).isEqualTo(1);
    assertThat(status.activeServicesCount).isEqualTo(3);
    assertThat(status.registeredContainerInstancesCount).isEqualTo(2);
    assertThat(kept)
        .usingRecursiveComparison()
        .as("kept as it was when AWS cannot be read")
        .isEqualTo(status);
    assertThat(EcsClusterAdapters.namespaceName(null)).isNull();
  }

  private static EcsClusterState cluster(String namespace, String namespaceName) {
    return new EcsClusterState(
        "shop",
        "arn:aws:ecs:eu-west-1:123456789012:cluster/shop",
        "ACTIVE",
        2,
        7,
        1,
        3,
        Map.of(),
        null,
        List.of(),
        List.of(),
        namespace,
        namespaceName,
        null,
        Map.of());
  }
}

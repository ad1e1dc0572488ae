package io.ecsoperator.operator.cluster;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.crds.cluster.EcsClusterStatus;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.reconcilers.cluster.EcsClusterState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.util.Objects;

/** Reconciles EcsCluster objects. */
@ControllerConfiguration(name = "ecscluster")
public final class EcsClusterController
    extends ManagedResourceController<
        EcsCluster, EcsClusterSpec, EcsClusterStatus, EcsClusterState> {

  public EcsClusterController(ControllerWiring wiring) {
    super(wiring, EcsClusterStatus::new);
  }

  @Override
  protected ResourceAdapter<EcsClusterSpec, EcsClusterState> adapter(EcsCluster resource) {
    return EcsClusterAdapters.forObject(aws, resource);
  }

  @Override
  protected void copyObserved(EcsClusterState actual, EcsClusterStatus status) {
    status.arn = actual.arn();
    status.status = actual.status();
    status.registeredContainerInstancesCount = actual.registeredContainerInstancesCount();
    status.runningTasksCount = actual.runningTasksCount();
    status.pendingTasksCount = actual.pendingTasksCount();
    status.activeServicesCount = actual.activeServicesCount();
    status.serviceConnectNamespace = actual.serviceConnectNamespace();
    // Only worth keeping when AWS reports something else than the name (an ARN).
    status.serviceConnectNamespaceName =
        Objects.equals(actual.serviceConnectNamespaceName(), actual.serviceConnectNamespace())
            ? null
            : actual.serviceConnectNamespaceName();
  }
}

package io.ecsoperator.operator.capacityprovider;

import io.ecsoperator.crds.capacityprovider.EcsCapacityProvider;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderStatus;
import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.DependencyNotReadyException;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.reconcilers.capacityprovider.EcsCapacityProviderState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

/**
 * Reconciles EcsCapacityProvider objects. A clusterRef is read when the adapter is built (not
 * watched): a provider whose EcsCluster does not exist yet waits and is checked again.
 */
@ControllerConfiguration(name = "ecscapacityprovider")
public final class EcsCapacityProviderController
    extends ManagedResourceController<
        EcsCapacityProvider,
        EcsCapacityProviderSpec,
        EcsCapacityProviderStatus,
        EcsCapacityProviderState> {

  private final KubernetesClient client;

  public EcsCapacityProviderController(ControllerWiring wiring) {
    super(wiring, EcsCapacityProviderStatus::new);
    this.client = wiring.client();
  }

  @Override
  protected ResourceAdapter<EcsCapacityProviderSpec, EcsCapacityProviderState> adapter(
      EcsCapacityProvider resource) {
    return EcsCapacityProviderAdapters.forObject(aws, resource, cluster(resource));
  }

  @Override
  protected void copyObserved(EcsCapacityProviderState actual, EcsCapacityProviderStatus status) {
    status.arn = actual.arn();
    status.status = actual.status();
    status.updateStatus = actual.updateStatus();
    status.updateStatusReason = actual.updateStatusReason();
  }

  /** spec.cluster, or the AWS name of the referenced EcsCluster. */
  private String cluster(EcsCapacityProvider resource) {
    EcsCapacityProviderSpec spec = resource.getSpec();
    if (spec.clusterRef == null) {
      return spec.cluster;
    }
    EcsCluster cluster =
        client
            .resources(EcsCluster.class)
            .inNamespace(resource.getMetadata().getNamespace())
            .withName(spec.clusterRef.name)
            .get();
    if (cluster == null) {
      throw new DependencyNotReadyException(
          "EcsCluster " + spec.clusterRef.name + " does not exist");
    }
    return cluster.clusterName();
  }
}

package io.ecsoperator.operator.capacityprovider;

import io.ecsoperator.crds.capacityprovider.EcsCapacityProvider;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.capacityprovider.EcsCapacityProviderAdapter;

/** Builds the adapter of an EcsCapacityProvider, for the operator and the CLI alike. */
public final class EcsCapacityProviderAdapters {

  private EcsCapacityProviderAdapters() {}

  /**
   * @param cluster the cluster of a Managed Instances provider, spec.cluster or the referenced
   *     EcsCluster's name as each side resolves it; null for an Auto Scaling group provider
   */
  public static EcsCapacityProviderAdapter forObject(
      AwsClientFactory aws, EcsCapacityProvider resource, String cluster) {
    return new EcsCapacityProviderAdapter(aws, resource.providerName(), cluster);
  }
}

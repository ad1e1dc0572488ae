package io.ecsoperator.operator.cluster;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.crds.cluster.EcsClusterStatus;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.BatchedReader;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.cluster.EcsClusterAdapter;
import io.ecsoperator.reconcilers.cluster.EcsClusterState;
import io.ecsoperator.reconcilers.cluster.NamespaceName;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;

/** Builds the adapter of an EcsCluster, for the operator and the CLI alike. */
public final class EcsClusterAdapters {

  private EcsClusterAdapters() {}

  /**
   * An object without status (a new one, or any in the CLI) has not learnt the Service Connect
   * namespace's name: a namespace given by name shows as a change until AWS reports it by that
   * name.
   *
   * @param providers the AWS names of the EcsCapacityProvider objects the spec refers to
   */
  public static ResourceAdapter<EcsClusterSpec, EcsClusterState> forObject(
      AwsClientFactory aws, EcsCluster resource, ProviderNames providers) {
    return new EcsClusterAdapter(aws, resource.clusterName(), namespaceName(resource.getStatus()))
        .referring(providers);
  }

  /**
   * The same, reading through the reader the drift checks of a region's clusters share.
   *
   * @param fresh true to read the cluster rather than use an answer at hand (a new generation)
   * @param providers the AWS names of the EcsCapacityProvider objects the spec refers to
   */
  public static ResourceAdapter<EcsClusterSpec, EcsClusterState> forObject(
      AwsClientFactory aws,
      BatchedReader<String, EcsClusterState> reader,
      boolean fresh,
      EcsCluster resource,
      ProviderNames providers) {
    return new EcsClusterAdapter(
            aws, reader, fresh, resource.clusterName(), namespaceName(resource.getStatus()))
        .referring(providers);
  }

  /** What an earlier reconcile learnt of the Service Connect namespace's name. */
  static NamespaceName namespaceName(EcsClusterStatus status) {
    if (status == null
        || status.serviceConnectNamespaceName == null
        || status.serviceConnectNamespace == null) {
      return null;
    }
    return new NamespaceName(status.serviceConnectNamespaceName, status.serviceConnectNamespace);
  }
}

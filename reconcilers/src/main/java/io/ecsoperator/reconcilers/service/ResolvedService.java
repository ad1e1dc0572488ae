package io.ecsoperator.reconcilers.service;

import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;

/**
 * What a service spec's names resolve to, as the operator found them before the adapter runs.
 *
 * @param serviceName the AWS service name (spec.serviceName or metadata.name)
 * @param cluster the cluster's name or ARN (spec.cluster, or the referenced EcsCluster's name)
 * @param taskDefinitionArn the revision ARN spec.taskDefinition or the referenced EcsTaskDefinition
 *     stands for; null when not needed (deleting)
 * @param providers the AWS names of the EcsCapacityProvider objects the strategy refers to
 */
public record ResolvedService(
    String serviceName, String cluster, String taskDefinitionArn, ProviderNames providers) {

  /** A service whose strategy refers to no EcsCapacityProvider object. */
  public ResolvedService(String serviceName, String cluster, String taskDefinitionArn) {
    this(serviceName, cluster, taskDefinitionArn, ProviderNames.NONE);
  }

  /** The cluster's name, also when it is given by ARN ("arn:...:cluster/shop" -> "shop"). */
  public String clusterName() {
    return clusterName(cluster);
  }

  public static String clusterName(String clusterNameOrArn) {
    return clusterNameOrArn.substring(clusterNameOrArn.lastIndexOf('/') + 1);
  }
}

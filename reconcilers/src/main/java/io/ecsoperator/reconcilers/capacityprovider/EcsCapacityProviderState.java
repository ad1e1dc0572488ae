package io.ecsoperator.reconcilers.capacityprovider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An ECS capacity provider as AWS reports it; the provider part as JSON in the AWS API's names (the
 * names the spec copies), so the diff walks both alike.
 *
 * @param cluster the cluster of a Managed Instances provider; null for an Auto Scaling group one
 * @param autoScalingGroupProvider AWS's autoScalingGroupProvider; null for Managed Instances
 * @param managedInstancesProvider AWS's managedInstancesProvider; null for an Auto Scaling group
 */
public record EcsCapacityProviderState(
    String name,
    String arn,
    String status,
    String updateStatus,
    String updateStatusReason,
    String cluster,
    ObjectNode autoScalingGroupProvider,
    ObjectNode managedInstancesProvider,
    Map<String, String> tags) {

  public EcsCapacityProviderState {
    tags = Map.copyOf(tags);
  }
}

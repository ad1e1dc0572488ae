package io.ecsoperator.reconcilers.scheduledtask;

import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;

/**
 * What a schedule runs, resolved from the spec by the caller: the cluster's ARN (Scheduler's target
 * is the cluster), the task definition revision's ARN and the AWS names of the EcsCapacityProvider
 * objects of the strategy.
 */
public record ScheduleTarget(String clusterArn, String taskDefinitionArn, ProviderNames providers) {

  /** A target whose strategy refers to no EcsCapacityProvider object. */
  public ScheduleTarget(String clusterArn, String taskDefinitionArn) {
    this(clusterArn, taskDefinitionArn, ProviderNames.NONE);
  }
}

package io.ecsoperator.reconcilers.scheduledtask;

/**
 * What a schedule runs, resolved from the spec by the caller: the cluster's ARN (Scheduler's target
 * is the cluster) and the task definition revision's ARN.
 */
public record ScheduleTarget(String clusterArn, String taskDefinitionArn) {}

package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedStatus;

/** Observed state of an ECS service. */
public class EcsServiceStatus extends ManagedStatus {

  @JsonPropertyDescription("ARN of the service.")
  public String arn;

  @JsonPropertyDescription("The service's status in AWS: ACTIVE, DRAINING or INACTIVE.")
  public String status;

  @JsonPropertyDescription(
      "ARN of the service's cluster; deletion uses it when the referenced EcsCluster is gone.")
  public String clusterArn;

  @JsonPropertyDescription("ARN of the task definition revision the service runs.")
  public String taskDefinition;

  @JsonPropertyDescription("Tasks the service keeps running.")
  public Integer desiredCount;

  @JsonPropertyDescription("Tasks in the RUNNING state.")
  public Integer runningCount;

  @JsonPropertyDescription("Tasks in the PENDING state.")
  public Integer pendingCount;

  @JsonPropertyDescription(
      "Where the deployment is: the PRIMARY deployment and the tracked service deployment.")
  public RolloutStatus rollout;

  @JsonPropertyDescription(
      "Application Auto Scaling of the desired count, while this object has a scalable target.")
  public AutoScalingStatus autoScaling;

  @JsonPropertyDescription(
      "The spec.restartedAt the last forced deployment was made for, so each value forces one.")
  public String restartedAt;

  @JsonPropertyDescription(
      "A task definition revision whose rollout failed and was rolled back: it is not deployed"
          + " again until the spec changes (a new revision, or a new restartedAt to retry).")
  public String failedTaskDefinition;
}

package io.ecsoperator.crds.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedStatus;

/** Observed state of an ECS cluster. */
public class EcsClusterStatus extends ManagedStatus {

  @JsonPropertyDescription("ARN of the cluster.")
  public String arn;

  @JsonPropertyDescription(
      "The cluster's status in AWS: ACTIVE, PROVISIONING, DEPROVISIONING, FAILED or INACTIVE.")
  public String status;

  @JsonPropertyDescription("Container instances registered to the cluster.")
  public Integer registeredContainerInstancesCount;

  @JsonPropertyDescription("Tasks of the cluster in the RUNNING state.")
  public Integer runningTasksCount;

  @JsonPropertyDescription("Tasks of the cluster in the PENDING state.")
  public Integer pendingTasksCount;

  @JsonPropertyDescription(
      "Services of the cluster in the ACTIVE state. The cluster is deleted only when none is"
          + " left.")
  public Integer activeServicesCount;
}

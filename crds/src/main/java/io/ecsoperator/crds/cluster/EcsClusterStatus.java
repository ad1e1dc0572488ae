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

  @JsonPropertyDescription(
      "The cluster's default Service Connect namespace as AWS reports it (an ARN in AWS).")
  public String serviceConnectNamespace;

  @JsonPropertyDescription(
      "The name the operator set serviceConnectNamespace by, when AWS reports an ARN: AWS's ARN"
          + " does not contain the name, and the operator compares spec and AWS with it.")
  public String serviceConnectNamespaceName;
}

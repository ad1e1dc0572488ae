package io.ecsoperator.crds.capacityprovider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedStatus;

/** Observed state of an ECS capacity provider. */
public class EcsCapacityProviderStatus extends ManagedStatus {

  @JsonPropertyDescription("ARN of the capacity provider.")
  public String arn;

  @JsonPropertyDescription(
      "The provider's status in AWS: PROVISIONING, ACTIVE, DEPROVISIONING or INACTIVE.")
  public String status;

  @JsonPropertyDescription(
      "The last update of the provider: CREATE_IN_PROGRESS, CREATE_COMPLETE, UPDATE_IN_PROGRESS,"
          + " UPDATE_COMPLETE, UPDATE_FAILED, DELETE_IN_PROGRESS, DELETE_FAILED...")
  public String updateStatus;

  @JsonPropertyDescription(
      "AWS's reason for the update status, e.g. which cluster or service still uses the provider"
          + " when a deletion failed.")
  public String updateStatusReason;
}

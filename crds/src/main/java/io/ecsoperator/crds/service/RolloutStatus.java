package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Where the service's deployment is: the PRIMARY deployment as DescribeServices lists it, and,
 * while one is tracked, the service deployment (DescribeServiceDeployments) with its stage, traffic
 * and pending hook.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus {

  @JsonPropertyDescription("ID of the PRIMARY deployment, e.g. ecs-svc/1234567890123456789.")
  public String deploymentId;

  @JsonPropertyDescription("The PRIMARY deployment's rollout: IN_PROGRESS, COMPLETED or FAILED.")
  public String rolloutState;

  @JsonPropertyDescription("Why the rollout is in that state, as AWS says it.")
  public String rolloutStateReason;

  @JsonPropertyDescription("Tasks of the deployment that failed to start.")
  public Integer failedTasks;

  @JsonPropertyDescription("The deployment strategy: ROLLING, BLUE_GREEN, LINEAR or CANARY.")
  public String strategy;

  @JsonPropertyDescription(
      "ARN of the service deployment tracked: the service's currentServiceDeployment. Approvals"
          + " and rollbacks name it or its hook.")
  public String serviceDeploymentArn;

  @JsonPropertyDescription(
      "The service deployment's status: PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED,"
          + " STOP_REQUESTED, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL or"
          + " ROLLBACK_FAILED.")
  public String status;

  @JsonPropertyDescription("Why the service deployment is in that status, as AWS says it.")
  public String statusReason;

  @JsonPropertyDescription(
      "The lifecycle stage, e.g. SCALE_UP, TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT,"
          + " BAKE_TIME, CLEAN_UP; empty for ROLLING deployments and finished ones.")
  public String lifecycleStage;

  @JsonPropertyDescription("ARN of the service revision being deployed.")
  public String targetRevision;

  @JsonPropertyDescription(
      "Percent of production traffic the target revision is to receive, where ECS reports it.")
  public Double productionTrafficPercent;

  @JsonPropertyDescription("A lifecycle hook the deployment waits on, if any.")
  public PendingHook pendingHook;

  @JsonPropertyDescription(
      "When the bake ends (RFC 3339), counted from when the operator first saw BAKE_TIME.")
  public String bakeEndsAt;

  @JsonPropertyDescription("Why the deployment was rolled back, when it was.")
  public String rollbackReason;
}

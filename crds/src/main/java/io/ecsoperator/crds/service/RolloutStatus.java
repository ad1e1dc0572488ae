package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The service's PRIMARY deployment: the one rolling out the current task definition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus {

  @JsonPropertyDescription("ID of the deployment, e.g. ecs-svc/1234567890123456789.")
  public String deploymentId;

  @JsonPropertyDescription("IN_PROGRESS, COMPLETED or FAILED.")
  public String rolloutState;

  @JsonPropertyDescription("Why the rollout is in that state, as AWS says it.")
  public String rolloutStateReason;

  @JsonPropertyDescription("Tasks of the deployment that failed to start.")
  public Integer failedTasks;
}

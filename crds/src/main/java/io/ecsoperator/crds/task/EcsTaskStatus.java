package io.ecsoperator.crds.task;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What an EcsTask did: its attempts with each task's outcome, and the Complete or Failed condition
 * beside Ready, Reconciling and Stalled.
 */
public class EcsTaskStatus extends ManagedStatus {

  @JsonPropertyDescription(
      "ARN of the task definition revision the attempts run: the one current when the object was"
          + " created.")
  public String taskDefinitionArn;

  @JsonPropertyDescription("ARN of the cluster the tasks run in.")
  public String clusterArn;

  @JsonPropertyDescription("Attempts started so far.")
  public Integer attemptsStarted;

  @JsonPropertyDescription(
      "Exit code of the essential container of the last attempt's first task, once it exited.")
  public Integer exitCode;

  @JsonPropertyDescription("When the first attempt started (RFC 3339).")
  public String startTime;

  @JsonPropertyDescription("When the object became Complete or Failed (RFC 3339).")
  public String completionTime;

  @JsonPropertyDescription("Each attempt, oldest first.")
  public List<TaskAttempt> attempts = new ArrayList<>();
}

package io.ecsoperator.crds.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * One ECS task as the operator last saw it, recorded as soon as it stops: ECS forgets a stopped
 * task about an hour later.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TaskRun {

  @JsonPropertyDescription("ARN of the task.")
  public String taskArn;

  @JsonPropertyDescription("ECS's lastStatus of the task, e.g. PROVISIONING, RUNNING, STOPPED.")
  public String lastStatus;

  @JsonPropertyDescription("When the task started (RFC 3339).")
  public String startedAt;

  @JsonPropertyDescription("When the task stopped (RFC 3339).")
  public String stoppedAt;

  @JsonPropertyDescription(
      "ECS's stop code, e.g. EssentialContainerExited, TaskFailedToStart, UserInitiated.")
  public String stopCode;

  @JsonPropertyDescription("ECS's reason for stopping the task, as AWS wrote it.")
  public String stoppedReason;

  @JsonPropertyDescription("Each container's outcome.")
  public List<ContainerOutcome> containers = new ArrayList<>();

  /** How one container of a task ended, and where its logs are. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public static class ContainerOutcome {

    @JsonPropertyDescription("Name of the container.")
    public String name;

    @JsonPropertyDescription("Whether the container is essential: its exit ends the task.")
    public Boolean essential;

    @JsonPropertyDescription("The container's exit code, once it exited.")
    public Integer exitCode;

    @JsonPropertyDescription("ECS's reason, e.g. CannotPullContainerError and AWS's message.")
    public String reason;

    @JsonPropertyDescription("CloudWatch Logs group of the container, when it logs with awslogs.")
    public String logGroup;

    @JsonPropertyDescription("CloudWatch Logs stream of this container of this task.")
    public String logStream;

    @JsonPropertyDescription("Region of the log group (the awslogs-region option).")
    public String logRegion;
  }
}

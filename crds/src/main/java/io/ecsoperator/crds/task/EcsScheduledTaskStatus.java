package io.ecsoperator.crds.task;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedStatus;
import java.util.ArrayList;
import java.util.List;

/** The schedule of an EcsScheduledTask and the recent runs the operator can see. */
public class EcsScheduledTaskStatus extends ManagedStatus {

  @JsonPropertyDescription("ARN of the EventBridge Scheduler schedule.")
  public String arn;

  @JsonPropertyDescription("The schedule's state in AWS: ENABLED or DISABLED.")
  public String state;

  @JsonPropertyDescription(
      "ARN of the task definition revision the schedule runs, resolved from spec.task.")
  public String taskDefinitionArn;

  @JsonPropertyDescription("When the schedule next starts a run (RFC 3339), when known.")
  public String nextRunTime;

  @JsonPropertyDescription(
      "Recent tasks the schedule started (the operator finds them by their group and tags),"
          + " newest first, with their outcome.")
  public List<TaskRun> recentRuns = new ArrayList<>();
}

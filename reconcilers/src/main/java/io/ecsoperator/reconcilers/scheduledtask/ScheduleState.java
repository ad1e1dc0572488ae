package io.ecsoperator.reconcilers.scheduledtask;

import io.ecsoperator.crds.task.TaskRun;
import java.util.List;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * A schedule as GetSchedule shows it, and what the operator derived: the next run time (null when
 * unknown) and the recent runs it found, newest first.
 */
public record ScheduleState(
    GetScheduleResponse schedule, String nextRunTime, List<TaskRun> recentRuns) {

  public String arn() {
    return schedule.arn();
  }

  public String state() {
    return schedule.stateAsString();
  }

  public String taskDefinitionArn() {
    return taskDefinitionArnOf(schedule);
  }

  /** The revision the schedule's ECS target runs; null when it has none. */
  static String taskDefinitionArnOf(GetScheduleResponse schedule) {
    var target = schedule.target();
    return target == null || target.ecsParameters() == null
        ? null
        : target.ecsParameters().taskDefinitionArn();
  }
}

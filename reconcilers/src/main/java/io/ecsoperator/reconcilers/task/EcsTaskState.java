package io.ecsoperator.reconcilers.task;

import io.ecsoperator.crds.task.TaskAttempt;
import java.util.List;

/**
 * An EcsTask's tasks in AWS: its attempts as recorded, updated by what DescribeTasks says now, and
 * the verdict readiness gave on them (null until judged), for the status.
 */
public final class EcsTaskState {

  private final String cluster;
  private final String taskDefinitionArn;
  private final String startTime;
  private final List<TaskAttempt> attempts;
  private TaskVerdict verdict;

  /**
   * @param cluster the cluster the tasks run in (name or ARN)
   * @param taskDefinitionArn the revision every attempt runs
   * @param startTime when the first attempt started (RFC 3339): activeDeadlineSeconds counts from
   *     it
   * @param attempts oldest first; readiness adds one when it starts another attempt
   */
  public EcsTaskState(
      String cluster, String taskDefinitionArn, String startTime, List<TaskAttempt> attempts) {
    this.cluster = cluster;
    this.taskDefinitionArn = taskDefinitionArn;
    this.startTime = startTime;
    this.attempts = attempts;
  }

  public String cluster() {
    return cluster;
  }

  public String taskDefinitionArn() {
    return taskDefinitionArn;
  }

  public String startTime() {
    return startTime;
  }

  public List<TaskAttempt> attempts() {
    return attempts;
  }

  public TaskVerdict verdict() {
    return verdict;
  }

  void judged(TaskVerdict next) {
    this.verdict = next;
  }
}

package io.ecsoperator.operator.scheduledtask;

import io.ecsoperator.crds.task.EcsScheduledTask;
import io.ecsoperator.crds.task.EcsScheduledTaskStatus;
import io.ecsoperator.crds.task.TaskRun;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.scheduledtask.EcsScheduledTaskAdapter;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleId;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleTarget;
import io.ecsoperator.reconcilers.task.BatchedTaskDescriber;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import java.time.Clock;
import java.util.List;

/**
 * Builds the adapter of an EcsScheduledTask, for the operator and the CLI alike; each resolves the
 * cluster and task definition its own way (referenced objects, or the files). The runs the status
 * recorded are handed on: ECS forgets stopped tasks, the status keeps them.
 */
public final class EcsScheduledTaskAdapters {

  private EcsScheduledTaskAdapters() {}

  /**
   * @param target the cluster and revision the schedule runs; null when they cannot be resolved for
   *     an object being deleted
   */
  public static EcsScheduledTaskAdapter forObject(
      AwsClientFactory aws,
      TaskDefinitionCache definitions,
      BatchedTaskDescriber describer,
      EcsScheduledTask resource,
      ScheduleTarget target,
      Clock clock) {
    EcsScheduledTaskStatus status = resource.getStatus();
    List<TaskRun> recorded = status == null ? List.of() : status.recentRuns;
    return EcsScheduledTaskAdapter.of(
        aws,
        resource.getSpec().region,
        ScheduleId.of(resource.getSpec().groupName, resource.scheduleName()),
        target,
        recorded,
        definitions,
        describer,
        clock);
  }
}

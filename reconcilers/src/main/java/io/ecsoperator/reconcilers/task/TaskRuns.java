package io.ecsoperator.reconcilers.task;

import io.ecsoperator.crds.task.TaskRun;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A task as DescribeTasks shows it, turned into what the status keeps of it: ECS forgets a stopped
 * task about an hour after it stops, so everything a user needs to see why it failed is copied.
 */
public final class TaskRuns {

  static final String STOPPED = "STOPPED";

  private TaskRuns() {}

  /**
   * @param definition the task's task definition, for which containers are essential and where they
   *     log; null when unknown
   */
  public static TaskRun of(Task task, TaskDefinition definition) {
    TaskRun run = new TaskRun();
    run.taskArn = task.taskArn();
    run.lastStatus = task.lastStatus();
    run.startedAt = time(task.startedAt());
    run.stoppedAt = time(task.stoppedAt());
    run.stopCode = task.stopCodeAsString();
    run.stoppedReason = task.stoppedReason();
    for (Container container : task.containers()) {
      run.containers.add(outcome(task, container, definition(definition, container.name())));
    }
    return run;
  }

  static boolean stopped(TaskRun run) {
    return STOPPED.equals(run.lastStatus);
  }

  private static TaskRun.ContainerOutcome outcome(
      Task task, Container container, Optional<ContainerDefinition> definition) {
    TaskRun.ContainerOutcome outcome = new TaskRun.ContainerOutcome();
    outcome.name = container.name();
    // A container definition without "essential" is essential (RegisterTaskDefinition).
    outcome.essential = definition.map(d -> d.essential() == null || d.essential()).orElse(true);
    outcome.exitCode = container.exitCode();
    outcome.reason = container.reason();
    definition
        .map(ContainerDefinition::logConfiguration)
        .filter(l -> "awslogs".equals(l.logDriverAsString()))
        .ifPresent(l -> logLocation(outcome, l.options(), task));
    return outcome;
  }

  /**
   * The awslogs driver writes to {@code awslogs-group}, stream {@code
   * <awslogs-stream-prefix>/<container name>/<task ID>} (Amazon ECS developer guide, "Using the
   * awslogs log driver"); without a prefix the stream is named by the container's Docker ID, which
   * DescribeTasks does not give.
   */
  private static void logLocation(
      TaskRun.ContainerOutcome outcome, Map<String, String> options, Task task) {
    outcome.logGroup = options.get("awslogs-group");
    outcome.logRegion = options.get("awslogs-region");
    String prefix = options.get("awslogs-stream-prefix");
    if (prefix != null && task.taskArn() != null) {
      String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
      outcome.logStream = prefix + "/" + outcome.name + "/" + taskId;
    }
  }

  private static Optional<ContainerDefinition> definition(TaskDefinition definition, String name) {
    return definition == null
        ? Optional.empty()
        : definition.containerDefinitions().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

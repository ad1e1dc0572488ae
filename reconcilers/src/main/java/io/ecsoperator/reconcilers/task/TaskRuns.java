package io.ecsoperator.reconcilers.task;

import io.ecsoperator.crds.task.TaskRun;
import io.ecsoperator.reconcilers.json.Json;
import java.time.Duration;
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

  /**
   * ECS "forgets" a stopped task about an hour after it stops (API_DescribeTasks: stopped tasks
   * "appear in the returned results for at least one hour"); a task that started longer ago than
   * this and is no longer known has stopped unseen.
   */
  static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

  /** The stoppedReason of a task that stopped while nobody looked; its outcome is unknown. */
  public static final String FORGOTTEN =
      "ECS no longer knows this task: it stopped more than an hour before it was looked at, and"
          + " its exit codes were not seen";

  /**
   * A recorded running task ECS no longer answers for: stopped, with an unknown outcome, once it
   * started long enough ago for ECS to have forgotten it (right after RunTask ECS may not answer
   * for it yet).
   */
  public static Optional<TaskRun> forgotten(TaskRun recorded, Instant now) {
    if (recorded.startedAt == null
        || Instant.parse(recorded.startedAt).plus(FORGOTTEN_AFTER).isAfter(now)) {
      return Optional.empty();
    }
    TaskRun run = Json.MAPPER.convertValue(recorded, TaskRun.class);
    run.lastStatus = STOPPED;
    run.stoppedReason = FORGOTTEN;
    return Optional.of(run);
  }

  public static boolean stopped(TaskRun run) {
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

package io.ecsoperator.reconcilers.task;

import io.ecsoperator.crds.task.TaskAttempt;
import io.ecsoperator.crds.task.TaskRun;
import java.util.Objects;
import java.util.Optional;

/**
 * How one attempt ended, judged from its tasks as the status recorded them: it succeeded when every
 * task stopped with each essential container exited 0, as a Job's pod succeeds.
 *
 * @param reason CamelCase reason of a failure, else null
 * @param message what AWS said, else null
 * @param exitCode the essential container's exit code of the attempt's first task; null before it
 *     exited or when it never started
 */
public record AttemptResult(State state, String reason, String message, Integer exitCode) {

  /** Where an attempt stands. */
  public enum State {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** ECS's stop code for a task ECS could not start (API_Task {@code stopCode}). */
  static final String TASK_FAILED_TO_START = "TaskFailedToStart";

  public static AttemptResult of(TaskAttempt attempt) {
    Integer exitCode =
        attempt.tasks.stream().findFirst().flatMap(AttemptResult::essentialExit).orElse(null);
    if (attempt.tasks.isEmpty() || !attempt.tasks.stream().allMatch(TaskRuns::stopped)) {
      return new AttemptResult(State.RUNNING, null, null, exitCode);
    }
    return attempt.tasks.stream()
        .map(AttemptResult::failure)
        .flatMap(Optional::stream)
        .findFirst()
        .map(f -> new AttemptResult(State.FAILED, f.reason(), f.message(), exitCode))
        .orElseGet(() -> new AttemptResult(State.SUCCEEDED, null, null, exitCode));
  }

  /** Why a stopped task failed; empty when its essential containers all exited 0. */
  private static Optional<AttemptResult> failure(TaskRun task) {
    if (TaskRuns.FORGOTTEN.equals(task.stoppedReason)) {
      return failed("OutcomeUnknown", task.stoppedReason);
    }
    Optional<TaskRun.ContainerOutcome> cannotPull =
        task.containers.stream()
            .filter(c -> c.reason != null && c.reason.startsWith("CannotPullContainer"))
            .findFirst();
    if (cannotPull.isPresent()) {
      return failed("CannotPullContainer", cannotPull.get().name + ": " + cannotPull.get().reason);
    }
    String stoppedReason = Objects.toString(task.stoppedReason, "");
    if (stoppedReason.startsWith("RESOURCE:")) {
      // RunTask's failures name the resource no instance had, e.g. "RESOURCE:MEMORY".
      return failed("CapacityUnavailable", stoppedReason);
    }
    Optional<TaskRun.ContainerOutcome> failedEssential =
        task.containers.stream()
            .filter(c -> !Boolean.FALSE.equals(c.essential))
            .filter(c -> c.exitCode == null || c.exitCode != 0)
            .findFirst();
    if (failedEssential.isEmpty()) {
      return Optional.empty();
    }
    TaskRun.ContainerOutcome container = failedEssential.get();
    if (TASK_FAILED_TO_START.equals(task.stopCode)) {
      return failed(TASK_FAILED_TO_START, stoppedReason);
    }
    if (container.exitCode == null) {
      return failed("TaskStopped", task.stopCode + ": " + stoppedReason);
    }
    return failed(
        "EssentialContainerExited",
        "essential container "
            + container.name
            + " exited with code "
            + container.exitCode
            + (container.reason == null ? "" : " (" + container.reason + ")")
            + (stoppedReason.isEmpty() ? "" : "; " + stoppedReason));
  }

  private static Optional<AttemptResult> failed(String reason, String message) {
    return Optional.of(new AttemptResult(State.FAILED, reason, message, null));
  }

  private static Optional<Integer> essentialExit(TaskRun task) {
    return task.containers.stream()
        .filter(c -> !Boolean.FALSE.equals(c.essential) && c.exitCode != null)
        .map(c -> c.exitCode)
        .findFirst();
  }
}

package io.ecsoperator.reconcilers.task;

import io.ecsoperator.crds.task.TaskAttempt;
import java.util.List;

/**
 * What an EcsTask does next, judged from its attempts as a Job controller judges its pods: a pure
 * function of the attempts, {@code backoffLimit} and whether {@code activeDeadlineSeconds} passed.
 *
 * @param reason CamelCase reason for the conditions
 * @param message for the user, with AWS's words for a failure
 * @param exitCode the essential container's exit code of the last attempt, when known
 */
public record TaskVerdict(Step step, String reason, String message, Integer exitCode) {

  /** The next step. */
  public enum Step {
    /** The last attempt's tasks are still running. */
    WAIT,
    /** The last attempt failed and attempts are left: RunTask again. */
    RUN_NEXT,
    /** The deadline passed with tasks still running: StopTask them. */
    STOP_FOR_DEADLINE,
    /** Done: Complete. */
    COMPLETE,
    /** Done: Failed. */
    FAILED;

    public boolean finished() {
      return this == COMPLETE || this == FAILED;
    }
  }

  public static TaskVerdict of(
      List<TaskAttempt> attempts, int backoffLimit, boolean deadlinePassed) {
    if (attempts.isEmpty()) {
      return new TaskVerdict(Step.RUN_NEXT, "Starting", "starting the first attempt", null);
    }
    int number = attempts.size();
    AttemptResult last = AttemptResult.of(attempts.get(number - 1));
    switch (last.state()) {
      case RUNNING:
        return deadlinePassed
            ? new TaskVerdict(
                Step.STOP_FOR_DEADLINE,
                "DeadlineExceeded",
                "activeDeadlineSeconds passed; stopping the tasks of attempt " + number,
                last.exitCode())
            : new TaskVerdict(Step.WAIT, "Running", "attempt " + number + " running", null);
      case SUCCEEDED:
        return new TaskVerdict(
            Step.COMPLETE, "Completed", "completed in attempt " + number, last.exitCode());
      default:
        String why = last.reason() + ": " + last.message();
        if (deadlinePassed) {
          return new TaskVerdict(
              Step.FAILED,
              "DeadlineExceeded",
              "stopped after activeDeadlineSeconds in attempt " + number + " (" + why + ")",
              last.exitCode());
        }
        if (number <= backoffLimit) {
          return new TaskVerdict(
              Step.RUN_NEXT,
              "Retrying",
              "attempt " + number + " failed (" + why + "); starting attempt " + (number + 1),
              last.exitCode());
        }
        return backoffLimit == 0
            ? new TaskVerdict(Step.FAILED, last.reason(), last.message(), last.exitCode())
            : new TaskVerdict(
                Step.FAILED,
                "BackoffLimitExceeded",
                "all " + number + " attempts failed; the last with " + why,
                last.exitCode());
    }
  }
}

package io.ecsoperator.reconcilers.task;

import static io.ecsoperator.reconcilers.task.TaskFixtures.attempt;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.task.TaskAttempt;
import io.ecsoperator.reconcilers.task.TaskVerdict.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Job-like judgement of an EcsTask's attempts, on tasks read from real-shaped {@code aws ecs
 * describe-tasks} output ({@link TaskFixtures}).
 */
class TaskVerdictTest {

  @Test
  void noAttemptYetStartsTheFirst() {
    assertThat(TaskVerdict.of(List.of(), 0, false).step()).isEqualTo(Step.RUN_NEXT);
  }

  @Test
  void aRunningAttemptIsWaitedOnUntilTheDeadlineThenStopped() {
    List<TaskAttempt> running = List.of(attempt(1, TaskFixtures.RUNNING));

    assertThat(TaskVerdict.of(running, 0, false).step()).isEqualTo(Step.WAIT);
    TaskVerdict late = TaskVerdict.of(running, 0, true);
    assertThat(late.step()).isEqualTo(Step.STOP_FOR_DEADLINE);
    assertThat(late.reason()).isEqualTo("DeadlineExceeded");
  }

  @Test
  void essentialContainersExitingZeroCompleteWithExitCodeZero() {
    TaskVerdict verdict = TaskVerdict.of(List.of(attempt(1, TaskFixtures.EXITED_0)), 2, false);

    assertThat(verdict.step()).isEqualTo(Step.COMPLETE);
    assertThat(verdict.reason()).isEqualTo("Completed");
    assertThat(verdict.exitCode()).isZero();
  }

  @Test
  void aFailedAttemptIsRetriedWhileTheBackoffLimitAllows() {
    List<TaskAttempt> two =
        List.of(attempt(1, TaskFixtures.EXITED_3), attempt(2, TaskFixtures.EXITED_3));

    TaskVerdict verdict = TaskVerdict.of(two, 2, false);

    assertThat(verdict.step()).isEqualTo(Step.RUN_NEXT);
    assertThat(verdict.message()).contains("attempt 2 failed").contains("starting attempt 3");
  }

  @Test
  void theLastAllowedFailureIsBackoffLimitExceededWithTheExitCodeAndReason() {
    List<TaskAttempt> three =
        List.of(
            attempt(1, TaskFixtures.EXITED_3),
            attempt(2, TaskFixtures.EXITED_3),
            attempt(3, TaskFixtures.EXITED_3));

    TaskVerdict verdict = TaskVerdict.of(three, 2, false);

    assertThat(verdict.step()).isEqualTo(Step.FAILED);
    assertThat(verdict.reason()).isEqualTo("BackoffLimitExceeded");
    assertThat(verdict.exitCode()).isEqualTo(3);
    assertThat(verdict.message())
        .contains("all 3 attempts failed")
        .contains("EssentialContainerExited")
        .contains("essential container app exited with code 3");
  }

  @Test
  void withoutRetriesAnImageThatCannotBePulledFailsWithAwsMessage() {
    TaskVerdict verdict = TaskVerdict.of(List.of(attempt(1, TaskFixtures.CANNOT_PULL)), 0, false);

    assertThat(verdict.step()).isEqualTo(Step.FAILED);
    assertThat(verdict.reason()).isEqualTo("CannotPullContainer");
    assertThat(verdict.message())
        .startsWith("app: CannotPullContainerError: pull image manifest")
        .endsWith("migrate:1.8.3: not found");
    assertThat(verdict.exitCode()).isNull();
  }

  @Test
  void aTaskStoppedAtTheDeadlineFailsWithDeadlineExceeded() {
    TaskVerdict verdict =
        TaskVerdict.of(List.of(attempt(1, TaskFixtures.STOPPED_BY_USER)), 3, true);

    assertThat(verdict.step()).isEqualTo(Step.FAILED);
    assertThat(verdict.reason()).isEqualTo("DeadlineExceeded");
    assertThat(verdict.exitCode()).isEqualTo(143);
  }

  @Test
  void aTaskStoppedBySomeoneElseIsAFailedAttempt() {
    TaskVerdict verdict =
        TaskVerdict.of(List.of(attempt(1, TaskFixtures.STOPPED_BY_USER)), 0, false);

    assertThat(verdict.step()).isEqualTo(Step.FAILED);
    assertThat(verdict.reason()).isEqualTo("EssentialContainerExited");
    assertThat(verdict.message()).contains("exited with code 143");
  }
}

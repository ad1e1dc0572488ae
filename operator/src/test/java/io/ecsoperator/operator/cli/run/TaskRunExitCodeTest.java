package io.ecsoperator.operator.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.cli.apply.Applier;
import io.ecsoperator.reconcilers.task.TaskVerdict;
import io.ecsoperator.reconcilers.task.TaskVerdict.Step;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a CI pipeline sees of {@code run -f}: the exit code, from the engine's verdict. */
class TaskRunExitCodeTest {

  private static final Applier.Result FINISHED = new Applier.Result(Map.of(), false, false);

  @Test
  void aCompletedTaskExitsZero() {
    assertThat(TaskRun.exitCode(FINISHED, verdict(Step.COMPLETE, 0))).isZero();
  }

  @Test
  void aFailedTaskExitsWithItsEssentialContainersCode() {
    assertThat(TaskRun.exitCode(FINISHED, verdict(Step.FAILED, 3))).isEqualTo(3);
    assertThat(TaskRun.exitCode(FINISHED, verdict(Step.FAILED, 255))).isEqualTo(255);
  }

  @Test
  void aFailureWithoutAShellExitCodeExitsOne() {
    assertThat(TaskRun.exitCode(FINISHED, verdict(Step.FAILED, null)))
        .as("image not pulled")
        .isEqualTo(1);
    assertThat(TaskRun.exitCode(FINISHED, verdict(Step.FAILED, 0)))
        .as("stopped by ECS although the container exited 0")
        .isEqualTo(1);
    assertThat(TaskRun.exitCode(FINISHED, verdict(Step.FAILED, 3221225477L)))
        .as("a Windows status beyond a shell's range")
        .isEqualTo(1);
  }

  @Test
  void aTaskThatNeverStartedOrIsStillRunningExitsOne() {
    assertThat(TaskRun.exitCode(FINISHED, null)).isEqualTo(1);
    assertThat(TaskRun.exitCode(FINISHED, verdict(Step.WAIT, null))).isEqualTo(1);
  }

  @Test
  void aTimeoutExitsOneAndCtrlCExits130WhateverTheVerdict() {
    assertThat(
            TaskRun.exitCode(new Applier.Result(Map.of(), true, false), verdict(Step.WAIT, null)))
        .isEqualTo(1);
    assertThat(
            TaskRun.exitCode(new Applier.Result(Map.of(), false, true), verdict(Step.COMPLETE, 0)))
        .isEqualTo(130);
  }

  private static TaskVerdict verdict(Step step, Number exitCode) {
    Integer code = exitCode == null ? null : (int) exitCode.longValue();
    return new TaskVerdict(step, "Reason", "message", code);
  }
}

package io.ecsoperator.reconcilers.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ecsoperator.crds.task.TaskRun;
import org.junit.jupiter.api.Test;

/** What the status keeps of a task, from real-shaped {@code aws ecs describe-tasks} output. */
class TaskRunsTest {

  @Test
  void aStoppedTaskKeepsItsStopCodeReasonTimesAndEachContainersExit() {
    TaskRun run = TaskRuns.of(TaskFixtures.task(TaskFixtures.EXITED_3), TaskFixtures.MIGRATE);

    assertThat(run.taskArn)
        .isEqualTo(
            "arn:aws:ecs:eu-west-1:123456789012:task/batch/b2c3d4e5f60718293a4b5c6d7e8f90a1");
    assertThat(run.lastStatus).isEqualTo("STOPPED");
    assertThat(run.stopCode).isEqualTo("EssentialContainerExited");
    assertThat(run.stoppedReason).isEqualTo("Essential container in task exited");
    assertThat(run.startedAt).isEqualTo("2026-03-02T09:00:33.004Z");
    assertThat(run.stoppedAt).isEqualTo("2026-03-02T09:02:45.300Z");
    assertThat(run.containers)
        .extracting(c -> c.name, c -> c.essential, c -> c.exitCode)
        .containsExactly(tuple("app", true, 3), tuple("log-router", false, 0));
  }

  @Test
  void anAwslogsContainerNamesItsLogGroupAndTheStreamOfThisTask() {
    TaskRun run = TaskRuns.of(TaskFixtures.task(TaskFixtures.EXITED_0), TaskFixtures.MIGRATE);

    TaskRun.ContainerOutcome app = run.containers.get(0);
    assertThat(app.logGroup).isEqualTo("/ecs/migrate");
    assertThat(app.logStream).isEqualTo("migrate/app/a1b2c3d4e5f60718293a4b5c6d7e8f90");
    assertThat(run.containers.get(1).logGroup).isNull();
  }

  @Test
  void aTaskThatNeverStartedHasNoStartTimeButKeepsThePullError() {
    TaskRun run = TaskRuns.of(TaskFixtures.task(TaskFixtures.CANNOT_PULL), TaskFixtures.MIGRATE);

    assertThat(run.startedAt).isNull();
    assertThat(run.stopCode).isEqualTo("TaskFailedToStart");
    assertThat(run.containers.get(0).reason).startsWith("CannotPullContainerError: pull image");
    assertThat(run.containers.get(0).exitCode).isNull();
  }
}

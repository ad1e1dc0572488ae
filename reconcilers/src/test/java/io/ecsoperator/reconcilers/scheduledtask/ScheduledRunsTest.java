package io.ecsoperator.reconcilers.scheduledtask;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.task.TaskRun;
import io.ecsoperator.reconcilers.task.TaskRuns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduledRunsTest {

  @Test
  void aSeenRunReplacesItsRecordAndRunsAreNewestFirst() {
    TaskRun old = run("a", "2026-12-05T02:30:04Z", "STOPPED");
    TaskRun running = run("b", "2026-12-06T02:30:02Z", "RUNNING");
    TaskRun stopped = run("b", "2026-12-06T02:30:02Z", "STOPPED");
    TaskRun pending = run("c", null, "PROVISIONING");

    List<TaskRun> merged = ScheduledRuns.merge(List.of(old, running), List.of(stopped, pending));

    assertThat(merged).containsExactly(pending, stopped, old);
  }

  @Test
  void onlyTheNewestRunsAreKept() {
    List<TaskRun> seen = new ArrayList<>();
    for (int day = 10; day < 25; day++) {
      seen.add(run("t" + day, "2026-11-" + day + "T02:30:00Z", "STOPPED"));
    }

    List<TaskRun> merged = ScheduledRuns.merge(List.of(), seen);

    assertThat(merged).hasSize(ScheduledRuns.KEPT);
    assertThat(merged.get(0).taskArn).isEqualTo("t24");
    assertThat(merged.get(ScheduledRuns.KEPT - 1).taskArn).isEqualTo("t15");
  }

  @Test
  void aRunningRunEcsHasForgottenIsStoppedWithAnUnknownOutcome() {
    Instant now = Instant.parse("2026-12-07T04:00:00Z");
    TaskRun forgotten = run("a", "2026-12-07T02:30:00Z", "RUNNING");
    TaskRun justStarted = run("b", "2026-12-07T03:50:00Z", "RUNNING");
    TaskRun answered = run("c", "2026-12-07T01:00:00Z", "RUNNING");

    List<TaskRun> runs =
        ScheduledRuns.forget(List.of(forgotten, justStarted, answered), Set.of("a", "b"), now);

    assertThat(runs).extracting(r -> r.lastStatus).containsExactly("STOPPED", "RUNNING", "RUNNING");
    assertThat(runs.get(0).stoppedReason).isEqualTo(TaskRuns.FORGOTTEN);
    assertThat(runs.get(0).startedAt).isEqualTo(forgotten.startedAt);
    assertThat(forgotten.lastStatus).as("the record is not changed in place").isEqualTo("RUNNING");
  }

  private static TaskRun run(String arn, String startedAt, String lastStatus) {
    TaskRun run = new TaskRun();
    run.taskArn = arn;
    run.startedAt = startedAt;
    run.lastStatus = lastStatus;
    return run;
  }
}

package io.ecsoperator.reconcilers.scheduledtask;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.task.TaskRun;
import java.util.ArrayList;
import java.util.List;
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

  private static TaskRun run(String arn, String startedAt, String lastStatus) {
    TaskRun run = new TaskRun();
    run.taskArn = arn;
    run.startedAt = startedAt;
    run.lastStatus = lastStatus;
    return run;
  }
}

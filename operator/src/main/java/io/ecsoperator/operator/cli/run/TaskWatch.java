package io.ecsoperator.operator.cli.run;

import io.ecsoperator.operator.cli.apply.Applier;
import io.ecsoperator.operator.cli.apply.ObjectStatus;
import io.ecsoperator.operator.cli.manifest.Manifest;
import io.ecsoperator.reconcilers.task.EcsTaskState;

/**
 * Apply's progress lines, and what {@code run -f} follows of its task: the last state the engine
 * saw, and the new log lines after each look.
 */
final class TaskWatch implements Applier.Progress {

  private final Manifest<?, ?, ?> task;
  private final Applier.Progress lines;
  private final TaskLogs logs;
  private EcsTaskState state;

  /**
   * @param logs null to print no log lines
   */
  TaskWatch(Manifest<?, ?, ?> task, Applier.Progress lines, TaskLogs logs) {
    this.task = task;
    this.lines = lines;
    this.logs = logs;
  }

  @Override
  public void update(Manifest<?, ?, ?> manifest, ObjectStatus status) {
    lines.update(manifest, status);
  }

  @Override
  public void observed(Manifest<?, ?, ?> manifest, Object actual) {
    if (manifest == task) {
      state = (EcsTaskState) actual;
      if (logs != null) {
        logs.follow(state);
        logs.printNew();
      }
    }
  }

  /** The task's state when the engine last looked; null before it started. */
  EcsTaskState state() {
    return state;
  }
}

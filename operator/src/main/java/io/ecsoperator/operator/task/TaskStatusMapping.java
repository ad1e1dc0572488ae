package io.ecsoperator.operator.task;

import io.ecsoperator.crds.task.EcsTask;
import io.ecsoperator.crds.task.EcsTaskStatus;
import io.ecsoperator.reconcilers.task.EcsTaskState;
import io.ecsoperator.reconcilers.task.TaskVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** What an EcsTask's status shows of its task, and when a finished one goes. */
final class TaskStatusMapping {

  private TaskStatusMapping() {}

  /** The attempts and verdict; the completion time once final, kept from {@code previous}. */
  static void copy(EcsTaskState actual, EcsTaskStatus status, EcsTaskStatus previous, Clock clock) {
    status.clusterArn = actual.cluster();
    status.taskDefinitionArn = actual.taskDefinitionArn();
    status.startTime = actual.startTime();
    status.attempts = actual.attempts();
    status.attemptsStarted = actual.attempts().size();
    TaskVerdict verdict = actual.verdict();
    if (verdict != null) {
      status.exitCode = verdict.exitCode();
      if (verdict.step().finished()) {
        status.completionTime =
            previous != null && previous.completionTime != null
                ? previous.completionTime
                : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
      }
    }
  }

  /** Time until a finished object with ttlSecondsAfterFinished is deleted; empty if never. */
  static Optional<Duration> ttlLeft(EcsTask resource, Clock clock) {
    Integer ttl = resource.getSpec().ttlSecondsAfterFinished;
    EcsTaskStatus status = resource.getStatus();
    if (ttl == null || status == null || status.completionTime == null) {
      return Optional.empty();
    }
    Duration left =
        Duration.between(Instant.now(clock), Instant.parse(status.completionTime).plusSeconds(ttl));
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }
}

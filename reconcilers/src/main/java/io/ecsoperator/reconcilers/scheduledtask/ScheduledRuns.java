package io.ecsoperator.reconcilers.scheduledtask;

import io.ecsoperator.crds.task.TaskRun;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.tags.EcsTags;
import io.ecsoperator.reconcilers.task.TaskReader;
import io.ecsoperator.reconcilers.task.TaskRuns;
import io.ecsoperator.reconcilers.taskdefinition.RevisionArn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The runs of a schedule the operator can see. Scheduler starts them with the tags the schedule's
 * target carries (the object's ownership tags and {@link ScheduleRequests#SCHEDULE_TAG}); ListTasks
 * cannot filter by tag or group, so the tasks of the schedule's family are listed and those tagged
 * for this schedule kept. Runs already recorded STOPPED are not described again (ECS forgets them
 * an hour after they stop; the status keeps them); a recorded running one ECS no longer answers for
 * is taken as stopped unseen by the rule EcsTask has ({@link TaskRuns#forgotten}).
 */
public final class ScheduledRuns {

  /** Runs kept in the status, newest first. */
  static final int KEPT = 10;

  private ScheduledRuns() {}

  /** The recorded runs brought up to date with what ECS shows now. */
  public static List<TaskRun> read(
      TaskReader reader,
      String taskDefinitionArn,
      ResourceRef ref,
      ScheduleId id,
      List<TaskRun> recorded,
      Instant now) {
    RevisionArn revision = RevisionArn.parse(taskDefinitionArn);
    if (revision == null) {
      return recorded;
    }
    Set<String> finished = new LinkedHashSet<>();
    Set<String> toDescribe = new LinkedHashSet<>();
    for (TaskRun run : recorded) {
      (TaskRuns.stopped(run) ? finished : toDescribe).add(run.taskArn);
    }
    reader.family(revision.family()).stream()
        .filter(arn -> !finished.contains(arn))
        .forEach(toDescribe::add);
    Set<String> unanswered = new HashSet<>(toDescribe);
    List<TaskRun> seen = new ArrayList<>();
    if (!toDescribe.isEmpty()) {
      for (Task task : reader.describe(toDescribe)) {
        unanswered.remove(task.taskArn());
        if (startedBy(task, ref, id)) {
          seen.add(TaskRuns.of(task, reader.definition(task.taskDefinitionArn())));
        }
      }
    }
    return merge(forget(recorded, unanswered, now), seen);
  }

  /** Recorded runs ECS did not answer for, stopped once it may have forgotten them. */
  static List<TaskRun> forget(List<TaskRun> recorded, Set<String> unanswered, Instant now) {
    return recorded.stream()
        .map(r -> unanswered.contains(r.taskArn) ? TaskRuns.forgotten(r, now).orElse(r) : r)
        .toList();
  }

  /** Recorded and seen runs by task, the seen one winning; newest first, at most {@link #KEPT}. */
  static List<TaskRun> merge(List<TaskRun> recorded, List<TaskRun> seen) {
    Map<String, TaskRun> byArn = new LinkedHashMap<>();
    recorded.forEach(r -> byArn.put(r.taskArn, r));
    seen.forEach(r -> byArn.put(r.taskArn, r));
    return byArn.values().stream()
        .sorted(
            Comparator.comparing(
                    (TaskRun r) -> r.startedAt == null ? "~" : r.startedAt,
                    Comparator.reverseOrder())
                .thenComparing(r -> r.taskArn))
        .limit(KEPT)
        .toList();
  }

  private static boolean startedBy(Task task, ResourceRef ref, ScheduleId id) {
    Map<String, String> tags = EcsTags.of(task.tags());
    return ref.ownershipOf(tags).ours()
        && id.toString().equals(tags.get(ScheduleRequests.SCHEDULE_TAG));
  }
}

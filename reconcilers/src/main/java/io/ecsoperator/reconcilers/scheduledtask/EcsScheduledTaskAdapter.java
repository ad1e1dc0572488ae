package io.ecsoperator.reconcilers.scheduledtask;

import io.ecsoperator.crds.task.EcsScheduledTaskSpec;
import io.ecsoperator.crds.task.TaskRun;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsCallGuard;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.task.BatchedTaskDescriber;
import io.ecsoperator.reconcilers.task.TaskReader;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/**
 * An EcsScheduledTask on the engine: an EventBridge Scheduler schedule whose target runs the task
 * (Scheduler calls RunTask, even while the operator is down). Observe is GetSchedule, diffed whole
 * ({@link ScheduleDiff}); create is CreateSchedule; update is one UpdateSchedule with the whole
 * schedule (it replaces every field); delete is DeleteSchedule. Ownership is the marker in the
 * schedule's Description ({@link ScheduleOwnership}): schedules have no tags. Observe also reads
 * the runs the schedule started ({@link ScheduledRuns}) and computes the next run time ({@link
 * NextRun}).
 */
public final class EcsScheduledTaskAdapter
    implements ResourceAdapter<EcsScheduledTaskSpec, ScheduleState> {

  private final SchedulerClient scheduler;
  private final AwsCallGuard guard;
  private final ScheduleId id;
  private final ScheduleTarget target;
  private final TaskReader runs;
  private final List<TaskRun> recordedRuns;
  private final Clock clock;

  /**
   * @param region the object's region; null for the operator's
   * @param target the cluster and revision the schedule runs, resolved by the caller; null when
   *     they cannot be (an object being deleted whose references are gone): observe then reads only
   *     whether the schedule exists and whose it is, which is all a delete needs
   * @param recordedRuns the runs the status recorded (ECS forgets stopped tasks, the status not)
   */
  public static EcsScheduledTaskAdapter of(
      AwsClientFactory aws,
      String region,
      ScheduleId id,
      ScheduleTarget target,
      List<TaskRun> recordedRuns,
      TaskDefinitionCache definitions,
      BatchedTaskDescriber describer,
      Clock clock) {
    var clients = aws.forRegion(region);
    return new EcsScheduledTaskAdapter(
        aws.forRegion(region).scheduler(),
        clients.guard(),
        id,
        target,
        target == null
            ? null
            : new TaskReader(clients, target.clusterArn(), definitions, describer),
        recordedRuns,
        clock);
  }

  private EcsScheduledTaskAdapter(
      SchedulerClient scheduler,
      AwsCallGuard guard,
      ScheduleId id,
      ScheduleTarget target,
      TaskReader runs,
      List<TaskRun> recordedRuns,
      Clock clock) {
    this.scheduler = scheduler;
    this.guard = guard;
    this.id = id;
    this.target = target;
    this.runs = runs;
    this.recordedRuns = recordedRuns;
    this.clock = clock;
  }

  @Override
  public Observation<ScheduleState> observe(ResourceRef ref, EcsScheduledTaskSpec spec) {
    GetScheduleResponse schedule;
    try {
      schedule =
          guard.call(
              ApiCategory.SCHEDULER_READ,
              () -> scheduler.getSchedule(r -> r.groupName(id.group()).name(id.name())));
    } catch (ResourceNotFoundException absent) {
      return Observation.absent();
    }
    var owner = ScheduleOwnership.tagsOf(schedule.description());
    if (target == null) {
      return Observation.tagged(
          ref, new ScheduleState(schedule, null, recordedRuns), owner, ChangeSet.NONE);
    }
    return Observation.tagged(
        ref, state(ref, schedule), owner, ScheduleDiff.diff(desired(ref, spec), schedule));
  }

  @Override
  public CreateResult<ScheduleState> create(ResourceRef ref, EcsScheduledTaskSpec spec) {
    try {
      guard.run(
          ApiCategory.SCHEDULER_MODIFY,
          () -> scheduler.createSchedule(ScheduleRequests.create(desired(ref, spec))));
    } catch (ConflictException taken) {
      return CreateResult.nameTaken();
    }
    return CreateResult.created(observe(ref, spec).actual());
  }

  /**
   * Writes the ownership marker into the schedule's Description and the ownership and schedule tags
   * into its tasks' tags: an UpdateSchedule of the schedule as it is otherwise (the call replaces
   * every field, so all of them are sent back).
   */
  @Override
  public void adopt(ResourceRef ref, ScheduleState actual) {
    UpdateScheduleRequest asItIs =
        SdkJson.fromJson(SdkJson.toJson(actual.schedule()), UpdateScheduleRequest.builder());
    Map<String, String> tags =
        new TreeMap<>(ScheduleTags.of(asItIs.target().ecsParameters().tags()));
    tags.putAll(ScheduleRequests.ownershipTags(ref, id));
    UpdateScheduleRequest marked =
        asItIs.toBuilder()
            .description(ScheduleOwnership.description(ref))
            .target(
                asItIs.target().toBuilder()
                    .ecsParameters(
                        asItIs.target().ecsParameters().toBuilder()
                            .tags(ScheduleTags.toAws(tags))
                            .build())
                    .build())
            .build();
    guard.run(ApiCategory.SCHEDULER_MODIFY, () -> scheduler.updateSchedule(marked));
  }

  /** One UpdateSchedule with the whole schedule, whatever changed. */
  @Override
  public ScheduleState update(
      ResourceRef ref, EcsScheduledTaskSpec spec, Observation<ScheduleState> observation) {
    guard.run(ApiCategory.SCHEDULER_MODIFY, () -> scheduler.updateSchedule(desired(ref, spec)));
    return observe(ref, spec).actual();
  }

  @Override
  public DeleteOutcome delete(ResourceRef ref, EcsScheduledTaskSpec spec, ScheduleState actual) {
    try {
      guard.run(
          ApiCategory.SCHEDULER_MODIFY,
          () -> scheduler.deleteSchedule(r -> r.groupName(id.group()).name(id.name())));
    } catch (ResourceNotFoundException gone) {
      // Deleted already: done.
    }
    return DeleteOutcome.DONE;
  }

  private UpdateScheduleRequest desired(ResourceRef ref, EcsScheduledTaskSpec spec) {
    return ScheduleRequests.desired(ref, spec, id, target);
  }

  private ScheduleState state(ResourceRef ref, GetScheduleResponse schedule) {
    Instant now = Instant.now(clock);
    String next =
        "ENABLED".equals(schedule.stateAsString())
            ? NextRun.after(
                    now,
                    schedule.scheduleExpression(),
                    schedule.scheduleExpressionTimezone(),
                    schedule.creationDate(),
                    schedule.startDate(),
                    schedule.endDate())
                .map(Instant::toString)
                .orElse(null)
            : null;
    String revision = ScheduleState.taskDefinitionArnOf(schedule);
    return new ScheduleState(
        schedule, next, ScheduledRuns.read(runs, revision, ref, id, recordedRuns, now));
  }
}

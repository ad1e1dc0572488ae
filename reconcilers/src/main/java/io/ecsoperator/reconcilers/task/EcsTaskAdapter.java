package io.ecsoperator.reconcilers.task;

import io.ecsoperator.crds.task.EcsTaskSpec;
import io.ecsoperator.crds.task.TaskAttempt;
import io.ecsoperator.crds.task.TaskRun;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.EcsFailures;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.tags.EcsTags;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * An EcsTask on the engine: the "resource" is the object's attempts. Observe reads only what can
 * still change (tasks not yet seen STOPPED; ListTasks by startedBy while no attempt is recorded, to
 * find a task started before a crash); create is the first RunTask; readiness judges the attempts
 * ({@link TaskVerdict}) and starts the next attempt or stops tasks past the deadline, as a
 * service's readiness answers its rollout.
 */
public final class EcsTaskAdapter implements ResourceAdapter<EcsTaskSpec, EcsTaskState> {

  private final ResourceRef object;
  private final String taskDefinitionArn;
  private final ProviderNames providers;
  private final Recorded recorded;
  private final TaskReader reader;
  private final Clock clock;

  /**
   * What the status recorded of the attempts (ECS forgets stopped tasks, the status does not).
   *
   * @param taskDefinitionArn the pinned revision; null before the first attempt
   */
  public record Recorded(String taskDefinitionArn, String startTime, List<TaskAttempt> attempts) {

    public static final Recorded NONE = new Recorded(null, null, List.of());
  }

  /**
   * @param object the EcsTask: its attempts are started and judged for it
   * @param region the object's region; null for the operator's
   * @param cluster the cluster's name or ARN
   * @param taskDefinitionArn the revision a first attempt runs (later ones run the recorded one)
   * @param providers the AWS names of the EcsCapacityProvider objects of the strategy
   * @param definitions revision contents, for where containers log
   * @param describer the DescribeTasks shared with the other objects
   */
  public static EcsTaskAdapter of(
      AwsClientFactory aws,
      String region,
      ResourceRef object,
      String cluster,
      String taskDefinitionArn,
      ProviderNames providers,
      Recorded recorded,
      TaskDefinitionCache definitions,
      BatchedTaskDescriber describer,
      Clock clock) {
    return new EcsTaskAdapter(
        object,
        taskDefinitionArn,
        providers,
        recorded,
        new TaskReader(aws.forRegion(region), cluster, definitions, describer),
        clock);
  }

  private EcsTaskAdapter(
      ResourceRef object,
      String taskDefinitionArn,
      ProviderNames providers,
      Recorded recorded,
      TaskReader reader,
      Clock clock) {
    this.object = object;
    this.taskDefinitionArn = taskDefinitionArn;
    this.providers = providers;
    this.recorded = recorded;
    this.reader = reader;
    this.clock = clock;
  }

  @Override
  public Observation<EcsTaskState> observe(ResourceRef ref, EcsTaskSpec spec) {
    List<TaskAttempt> attempts = copy(recorded.attempts());
    Set<String> toDescribe = new LinkedHashSet<>();
    attempts.stream()
        .flatMap(a -> a.tasks.stream())
        .filter(t -> !TaskRuns.stopped(t) && t.taskArn != null)
        .forEach(t -> toDescribe.add(t.taskArn));
    if (attempts.isEmpty()) {
      toDescribe.addAll(reader.startedBy(TaskIdentity.startedBy(ref)));
    }
    List<Task> tasks = toDescribe.isEmpty() ? List.of() : reader.describe(toDescribe);
    for (Task task : tasks) {
      record(attempts, attemptOf(task), task);
    }
    tasks.forEach(t -> toDescribe.remove(t.taskArn()));
    recordForgotten(attempts, toDescribe);
    if (attempts.isEmpty()) {
      return Observation.absent();
    }
    String revision =
        recorded.taskDefinitionArn() != null
            ? recorded.taskDefinitionArn()
            : tasks.get(0).taskDefinitionArn();
    String start =
        recorded.startTime() != null
            ? recorded.startTime()
            : tasks.stream()
                .map(Task::createdAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(Instant::toString)
                .orElseGet(() -> now().toString());
    return new Observation<>(
        new EcsTaskState(reader.cluster(), revision, start, attempts),
        Ownership.OURS,
        ChangeSet.NONE);
  }

  @Override
  public CreateResult<EcsTaskState> create(ResourceRef ref, EcsTaskSpec spec) {
    String revision = taskDefinitionArn;
    List<TaskAttempt> attempts = new ArrayList<>();
    attempts.add(run(ref, spec, revision, 1));
    return CreateResult.created(
        new EcsTaskState(reader.cluster(), revision, now().toString(), attempts));
  }

  /** Nothing to take over: the tasks are found by the object's own UID. */
  @Override
  public void adopt(ResourceRef ref, EcsTaskState actual) {}

  /** The spec is immutable (CEL), so there is never a change to make. */
  @Override
  public EcsTaskState update(
      ResourceRef ref, EcsTaskSpec spec, Observation<EcsTaskState> observation) {
    return observation.actual();
  }

  /** Stops the tasks still running; stopped ones stay as ECS has them. */
  @Override
  public DeleteOutcome delete(ResourceRef ref, EcsTaskSpec spec, EcsTaskState actual) {
    stopRunning(reader.clients(), actual, "EcsTask " + ref + " was deleted");
    return DeleteOutcome.DONE;
  }

  /**
   * Judges the attempts and takes the step the verdict asks: a new attempt, or StopTask once the
   * deadline passed. The verdict goes into the state, for the status.
   */
  @Override
  public Readiness readiness(EcsTaskSpec spec, EcsTaskState actual) {
    TaskVerdict verdict =
        TaskVerdict.of(actual.attempts(), backoffLimit(spec), deadlinePassed(spec, actual));
    Readiness readiness =
        switch (verdict.step()) {
          case WAIT -> Readiness.waiting(verdict.reason(), verdict.message());
          case RUN_NEXT -> {
            actual
                .attempts()
                .add(run(object, spec, actual.taskDefinitionArn(), actual.attempts().size() + 1));
            yield Readiness.waiting("Running", verdict.message())
                .withNotice(Notice.warning(verdict.reason(), verdict.message()));
          }
          case STOP_FOR_DEADLINE -> {
            stopRunning(
                reader.clients(), actual, "activeDeadlineSeconds of EcsTask " + object + " passed");
            yield Readiness.waiting(verdict.reason(), verdict.message())
                .withNotice(Notice.warning(verdict.reason(), verdict.message()));
          }
          case COMPLETE -> new Readiness(true, verdict.reason(), verdict.message());
          case FAILED -> Readiness.failed(verdict.reason(), verdict.message());
        };
    actual.judged(verdict);
    return readiness;
  }

  private static int backoffLimit(EcsTaskSpec spec) {
    return spec.backoffLimit == null ? 0 : spec.backoffLimit;
  }

  private boolean deadlinePassed(EcsTaskSpec spec, EcsTaskState actual) {
    return spec.activeDeadlineSeconds != null
        && !now()
            .isBefore(Instant.parse(actual.startTime()).plusSeconds(spec.activeDeadlineSeconds));
  }

  private TaskAttempt run(ResourceRef ref, EcsTaskSpec spec, String revision, int number) {
    // Read before RunTask (it is cached per revision): no AWS call stands between a task started
    // and its attempt recorded, so a stop between calls (Ctrl-C in the CLI) never loses a task.
    TaskDefinition definition = reader.definition(revision);
    RunTaskResponse response =
        reader
            .clients()
            .ecsCall(
                ApiCategory.ECS_TASK_RUN,
                ecs ->
                    ecs.runTask(
                        RunTaskRequests.attempt(
                            ref, spec, reader.cluster(), revision, providers, number)));
    TaskAttempt attempt = new TaskAttempt();
    attempt.attempt = number;
    attempt.clientToken = TaskIdentity.clientToken(ref, number);
    response.tasks().forEach(t -> attempt.tasks.add(TaskRuns.of(t, definition)));
    if (response.tasks().isEmpty()) {
      response.failures().forEach(f -> attempt.tasks.add(notStarted(f)));
    }
    return attempt;
  }

  /** A RunTask failure (no capacity, say) as a task that stopped before it started. */
  private static TaskRun notStarted(Failure failure) {
    TaskRun run = new TaskRun();
    run.lastStatus = TaskRuns.STOPPED;
    run.stopCode = AttemptResult.TASK_FAILED_TO_START;
    run.stoppedReason = EcsFailures.reason(failure);
    return run;
  }

  /**
   * StopTask for each task of the attempts not yet seen STOPPED, e.g. when {@code run -f} is
   * interrupted.
   */
  public static void stopRunning(AwsClients clients, EcsTaskState actual, String reason) {
    actual.attempts().stream()
        .flatMap(a -> a.tasks.stream())
        .filter(t -> !TaskRuns.stopped(t) && t.taskArn != null)
        .forEach(
            t ->
                clients.ecsCall(
                    ApiCategory.ECS_TASK_RUN,
                    ecs ->
                        ecs.stopTask(
                            r -> r.cluster(actual.cluster()).task(t.taskArn).reason(reason))));
  }

  private void record(List<TaskAttempt> attempts, int number, Task task) {
    while (attempts.size() < number) {
      TaskAttempt missing = new TaskAttempt();
      missing.attempt = attempts.size() + 1;
      attempts.add(missing);
    }
    TaskAttempt attempt = attempts.get(number - 1);
    TaskRun run = TaskRuns.of(task, reader.definition(task.taskDefinitionArn()));
    attempt.tasks.removeIf(t -> run.taskArn.equals(t.taskArn));
    attempt.tasks.add(run);
    attempt.tasks.sort(Comparator.comparing(t -> String.valueOf(t.taskArn)));
  }

  /** Recorded running tasks ECS no longer answers for, once it may have forgotten them. */
  private void recordForgotten(List<TaskAttempt> attempts, Set<String> unanswered) {
    for (TaskAttempt attempt : attempts) {
      attempt.tasks.replaceAll(
          t -> unanswered.contains(t.taskArn) ? TaskRuns.forgotten(t, now()).orElse(t) : t);
    }
  }

  private static int attemptOf(Task task) {
    String tag = EcsTags.of(task.tags()).get(TaskIdentity.ATTEMPT_TAG);
    return tag == null ? 1 : Integer.parseInt(tag);
  }

  private static List<TaskAttempt> copy(List<TaskAttempt> attempts) {
    return new ArrayList<>(
        attempts.stream().map(a -> Json.MAPPER.convertValue(a, TaskAttempt.class)).toList());
  }

  private Instant now() {
    return Instant.now(clock);
  }
}

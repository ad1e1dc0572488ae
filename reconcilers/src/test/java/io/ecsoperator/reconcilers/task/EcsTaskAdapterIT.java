package io.ecsoperator.reconcilers.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.task.EcsTaskSpec;
import io.ecsoperator.crds.task.TaskAttempt;
import io.ecsoperator.crds.task.TaskRun;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import io.ecsoperator.testsupport.AdapterIT;
import io.ecsoperator.testsupport.MotoNetwork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * The EcsTask adapter and the engine against the bed's ECS (moto with the bed's task lifecycle): a
 * crash between RunTask and the status write, replayed by reconciling again with nothing recorded,
 * finds the task by startedBy and starts no second one.
 */
class EcsTaskAdapterIT extends AdapterIT<EcsTaskSpec, EcsTaskState> {

  /** Shared as the operator shares it: a revision is described once. */
  private final TaskDefinitionCache definitions = new TaskDefinitionCache();

  private String revision;
  private MotoNetwork network;

  @Override
  protected ResourceAdapter<EcsTaskSpec, EcsTaskState> newAdapter(AwsClientFactory aws) {
    return adapterRecording(EcsTaskAdapter.Recorded.NONE);
  }

  @Override
  protected Class<EcsTaskSpec> specClass() {
    return EcsTaskSpec.class;
  }

  @Override
  protected String fullSpecYaml() {
    return """
        region: %s
        task:
          cluster: batch
          taskDefinition: migrate
          launchType: FARGATE
          networkConfiguration:
            awsvpcConfiguration:
              subnets: [%s]
              securityGroups: [%s]
          group: migrations
          count: 2
        tags:
          team: data
        """
        .formatted(bed.region(), network.subnet(), network.securityGroup());
  }

  @BeforeEach
  void clusterAndTaskDefinition() {
    EcsClient ecs = aws.forRegion(null).ecs();
    ecs.createCluster(r -> r.clusterName("batch"));
    network = MotoNetwork.create(bed, 1);
    revision =
        ecs.registerTaskDefinition(
                r ->
                    r.family("migrate")
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .networkMode(NetworkMode.AWSVPC)
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(c -> c.name("app").image("migrate:1")))
            .taskDefinition()
            .taskDefinitionArn();
    adapter = newAdapter(aws);
  }

  @Test
  void aCrashBetweenRunTaskAndTheStatusWriteStartsNoSecondTask() {
    ReconcileOutcome<EcsTaskState> first = reconcile(fullSpec(), false);
    assertThat(first.state()).isEqualTo(ReconcileOutcome.State.PROGRESSING);
    assertThat(first.actual().attempts().get(0).tasks).hasSize(2);
    assertThat(calls.all()).containsEntry("RunTask", 1);

    // The status write was lost: a new process knows nothing of the attempt.
    adapter = adapterRecording(EcsTaskAdapter.Recorded.NONE);
    ReconcileOutcome<EcsTaskState> again =
        ReconcileEngine.reconcile(adapter, REF, fullSpec(), false);

    // Each observe without a recorded attempt lists RUNNING and STOPPED tasks: 2 + 2.
    assertThat(calls.all()).containsEntry("RunTask", 1).containsEntry("ListTasks", 4);
    assertThat(again.actual().attempts()).hasSize(1);
    assertThat(again.actual().attempts().get(0).tasks)
        .extracting(t -> t.taskArn)
        .containsExactlyInAnyOrderElementsOf(
            first.actual().attempts().get(0).tasks.stream().map(t -> t.taskArn).toList());
    assertThat(again.actual().taskDefinitionArn()).isEqualTo(revision);
  }

  @Test
  void aRecordedRunningAttemptCostsOneDescribeTasksAPoll() {
    ReconcileOutcome<EcsTaskState> first = reconcile(fullSpec(), false);
    calls.reset();

    adapter =
        adapterRecording(
            new EcsTaskAdapter.Recorded(
                revision, first.actual().startTime(), first.actual().attempts()));
    reconcile(fullSpec(), true);

    assertThat(calls.all()).isEqualTo(Map.of("DescribeTasks", 1));
  }

  /**
   * ECS forgets a stopped task an hour after it stops: a task the status shows running that ECS no
   * longer answers for ends the attempt, failed with an unknown outcome, instead of waiting
   * forever; while it could merely not be answered for yet, it is still running.
   */
  @Test
  void aRunningTaskEcsNoLongerKnowsFailsWithAnUnknownOutcomeOnceItCouldHaveBeenForgotten() {
    Instant started = Instant.parse("2026-12-07T01:00:00Z");
    TaskRun run = new TaskRun();
    run.taskArn =
        "arn:aws:ecs:" + bed.region() + ":123456789012:task/batch/0f1e2d3c4b5a69780f1e2d3c4b5a6978";
    run.lastStatus = "RUNNING";
    run.startedAt = started.toString();
    TaskAttempt attempt = new TaskAttempt();
    attempt.attempt = 1;
    attempt.tasks.add(run);
    EcsTaskAdapter.Recorded recorded =
        new EcsTaskAdapter.Recorded(revision, started.toString(), List.of(attempt));

    adapter = adapterRecording(recorded, Clock.fixed(started.plusSeconds(600), ZoneOffset.UTC));
    ReconcileOutcome<EcsTaskState> soon = reconcile(fullSpec(), true);
    assertThat(soon.state()).isEqualTo(ReconcileOutcome.State.PROGRESSING);
    assertThat(soon.actual().attempts().get(0).tasks.get(0).lastStatus).isEqualTo("RUNNING");

    adapter = adapterRecording(recorded, Clock.fixed(started.plusSeconds(7200), ZoneOffset.UTC));
    ReconcileOutcome<EcsTaskState> later = reconcile(fullSpec(), true);
    assertThat(later.state()).isEqualTo(ReconcileOutcome.State.STALLED);
    assertThat(later.reason()).isEqualTo("OutcomeUnknown");
    assertThat(later.message()).contains("ECS no longer knows this task");
    assertThat(later.actual().attempts().get(0).tasks.get(0).lastStatus).isEqualTo("STOPPED");
    assertThat(calls.all()).doesNotContainKey("RunTask");
  }

  private EcsTaskAdapter adapterRecording(EcsTaskAdapter.Recorded recorded) {
    return adapterRecording(recorded, Clock.systemUTC());
  }

  private EcsTaskAdapter adapterRecording(EcsTaskAdapter.Recorded recorded, Clock clock) {
    return EcsTaskAdapter.of(
        aws,
        null,
        REF,
        "batch",
        revision,
        ProviderNames.NONE,
        recorded,
        definitions,
        new BatchedTaskDescriber(Duration.ZERO),
        clock);
  }
}

package io.ecsoperator.operator.scheduledtask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.FargateWebTask;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.testsupport.AwsCallCounter;
import io.ecsoperator.testsupport.MotoNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/**
 * EcsScheduledTask end to end with kubectl, as a user runs a CronJob: the schedule is read back
 * with GetSchedule (moto's Scheduler), its writes counted at the operator's AWS client, and the bed
 * fires it (testbed/aws, "scheduler") so its run shows in the status. The schedules run the
 * fargate-web example's task definition in its cluster.
 */
class EcsScheduledTaskE2EIT extends OperatorE2E {

  private static final String SCHEDULED =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsScheduledTask
      metadata:
        name: %1$s
      spec:
        schedule: %2$s
        roleArn: arn:aws:iam::123456789012:role/scheduler-run-task
      %3$s  tags:
          team: reports
      """;

  private static final List<String> SCHEDULE_WRITES =
      List.of("CreateSchedule", "UpdateSchedule", "DeleteSchedule");

  private MotoNetwork network;
  private AwsClientFactory outOfBand;
  private SchedulerClient scheduler;

  EcsScheduledTaskE2EIT() {
    super(
        "ecsschedtask",
        new Example("nightly-report.yaml", "nightly-report", "group", "nightly-report"));
  }

  @BeforeAll
  void clusterAndTaskDefinition() throws IOException {
    // Model seconds: a run provisions, pulls and runs its 20 s in about 4 s.
    h.bed.steerAws("/_ecsbed/config", "{\"timeScale\": 10}");
    network = MotoNetwork.create(h.bed, 2);
    for (String file : new String[] {"cluster.yaml", "task-definition.yaml"}) {
      h.apply(Files.readString(h.bed.repoRoot().resolve("examples/fargate-web/" + file)))
          .assertSuccess("apply examples/fargate-web/" + file);
    }
    h.waitFor("condition=Ready", "ecscluster/web", WAIT);
    h.waitFor("condition=Ready", "ecstaskdefinition/web", WAIT);
    outOfBand = h.bed.awsClients(new AwsCallCounter());
    scheduler = outOfBand.forRegion(null).scheduler();
  }

  @AfterAll
  void closeClients() {
    if (outOfBand != null) {
      outOfBand.close();
    }
  }

  @Test
  void aScheduleRunsTheTaskAndReApplyingWritesNothing() throws InterruptedException {
    h.apply(scheduled("hourly", "rate(1 hour)")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsscheduledtask/hourly", WAIT);

    GetScheduleResponse schedule = schedule("hourly");
    var ecs = schedule.target().ecsParameters();
    assertThat(schedule.target().arn()).isEqualTo(h.get("ecscluster/web", ".status.arn"));
    assertThat(ecs.taskDefinitionArn())
        .isEqualTo(h.get("ecstaskdefinition/web", ".status.taskDefinitionArn"));
    assertThat(ecs.launchTypeAsString()).isEqualTo("FARGATE");
    assertThat(ecs.group()).isEqualTo("hourly");
    assertThat(ecs.networkConfiguration().awsvpcConfiguration().subnets())
        .containsExactly(network.subnet());
    assertThat(ecs.tags()).contains(Map.of("key", "team", "value", "reports"));
    assertThat(schedule.target().roleArn())
        .isEqualTo("arn:aws:iam::123456789012:role/scheduler-run-task");
    assertThat(schedule.stateAsString()).isEqualTo("ENABLED");
    assertThat(schedule.description()).contains("ecsoperator.io/owner=" + h.namespace + "/hourly");
    assertThat(h.get("ecsscheduledtask/hourly", ".status.arn")).isEqualTo(schedule.arn());
    assertThat(h.get("ecsscheduledtask/hourly", ".status.state")).isEqualTo("ENABLED");
    assertThat(h.get("ecsscheduledtask/hourly", ".status.nextRunTime")).isNotEmpty();

    int before = scheduleWrites();
    h.apply(scheduled("hourly", "rate(1 hour)")).assertSuccess("apply again");
    // Two drift checks of the operator.
    Thread.sleep(RESYNC.multipliedBy(2).plusSeconds(1).toMillis());

    assertThat(scheduleWrites() - before).isZero();
  }

  @Test
  void suspendDisablesTheScheduleAndAChangedScheduleIsOneUpdate() {
    h.apply(scheduled("daily", "rate(1 day)")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsscheduledtask/daily", WAIT);
    int before = updates();

    h.apply(scheduled("daily", "rate(1 day)") + "  suspend: true\n").assertSuccess("suspend");
    h.waitFor("jsonpath={.status.state}=DISABLED", "ecsscheduledtask/daily", WAIT);

    assertThat(schedule("daily").stateAsString()).isEqualTo("DISABLED");
    assertThat(updates() - before).isEqualTo(1);

    h.apply(scheduled("daily", "rate(2 days)") + "  suspend: true\n").assertSuccess("change");
    await().atMost(WAIT).until(() -> schedule("daily").scheduleExpression().equals("rate(2 days)"));
    h.waitFor("condition=Ready", "ecsscheduledtask/daily", WAIT);

    assertThat(updates() - before).isEqualTo(2);
    assertThat(schedule("daily").stateAsString()).isEqualTo("DISABLED");
    assertThat(h.get("ecsscheduledtask/daily", ".status.nextRunTime")).isEmpty();
  }

  @Test
  void anUpdateScheduleOutOfBandIsCorrected() {
    h.apply(scheduled("drifting", "rate(6 hours)")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsscheduledtask/drifting", WAIT);

    UpdateScheduleRequest edited =
        SdkJson.fromJson(SdkJson.toJson(schedule("drifting")), UpdateScheduleRequest.builder())
            .toBuilder()
            .scheduleExpression("rate(5 minutes)")
            .build();
    scheduler.updateSchedule(edited);

    await()
        .atMost(WAIT)
        .until(() -> schedule("drifting").scheduleExpression().equals("rate(6 hours)"));
    await().atMost(WAIT).until(() -> events("drifting").contains("DriftCorrected"));
  }

  @Test
  void deletingTheObjectDeletesTheSchedule() {
    h.apply(scheduled("gone", "rate(1 hour)")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsscheduledtask/gone", WAIT);

    h.kubectl("delete", "ecsscheduledtask/gone", "--timeout=60s").assertSuccess("delete");

    assertThatThrownBy(() -> schedule("gone")).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aRunTheScheduleStartedShowsInTheStatusWithItsOutcome() {
    h.bed.steerAws(
        "/_ecsbed/tasks/behaviour",
        "{\"group\": \"fired\", \"runSeconds\": 20, \"exitCodes\": {\"nginx\": 4}}");
    h.apply(scheduled("fired", "rate(1 hour)")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsscheduledtask/fired", WAIT);

    h.bed.steerAws("/_ecsbed/scheduler/fire", "{\"name\": \"fired\"}");

    h.waitFor(
        "jsonpath={.status.recentRuns[0].lastStatus}=STOPPED", "ecsscheduledtask/fired", WAIT);
    assertThat(h.get("ecsscheduledtask/fired", ".status.recentRuns[0].stopCode"))
        .isEqualTo("EssentialContainerExited");
    assertThat(h.get("ecsscheduledtask/fired", ".status.recentRuns[0].containers[0].exitCode"))
        .isEqualTo("4");
    assertThat(h.get("ecsscheduledtask/fired", ".status.recentRuns[*].taskArn").split(" "))
        .hasSize(1);
  }

  @Test
  void theNightlyReportExampleOwnsItsSchedule() throws IOException {
    String example =
        exampleYaml()
            .replace("name: shop", "name: web")
            .replace("taskDefinition: report", "taskDefinition: web")
            .replace("subnet-0a1b2c3d4e5f60718", network.subnet())
            .replace("sg-0f1e2d3c4b5a69788", network.securityGroup());

    h.apply(example).assertSuccess("apply examples/nightly-report.yaml");
    h.waitFor("condition=Ready", "ecsscheduledtask/nightly-report", Duration.ofSeconds(60));

    GetScheduleResponse schedule = schedule("nightly-report");
    assertThat(schedule.scheduleExpression()).isEqualTo("cron(30 2 * * ? *)");
    assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("Europe/Paris");
    assertThat(schedule.flexibleTimeWindow().maximumWindowInMinutes()).isEqualTo(15);
    assertThat(schedule.target().retryPolicy().maximumRetryAttempts()).isEqualTo(5);
    assertThat(schedule.target().deadLetterConfig().arn())
        .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:nightly-report-dlq");
    assertThat(schedule.target().input()).contains("REPORT_KIND");
    assertThat(
            schedule.target().ecsParameters().capacityProviderStrategy().get(0).capacityProvider())
        .isEqualTo("FARGATE_SPOT");
  }

  private String scheduled(String name, String expression) {
    return SCHEDULED.formatted(name, expression, FargateWebTask.template(network, name));
  }

  private GetScheduleResponse schedule(String name) {
    return scheduler.getSchedule(r -> r.groupName("default").name(name));
  }

  private int updates() {
    return h.calls.all().getOrDefault("UpdateSchedule", 0);
  }

  private int scheduleWrites() {
    return SCHEDULE_WRITES.stream().mapToInt(op -> h.calls.all().getOrDefault(op, 0)).sum();
  }
}

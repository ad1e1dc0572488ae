package io.ecsoperator.operator.cli.scheduledtask;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.cli.CliHarness;
import io.ecsoperator.testsupport.AwsCallCounter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * An EcsScheduledTask from files, against moto: plan before the cluster exists, apply creates the
 * schedule with the cluster's ARN and the revision the files registered, applying again writes
 * nothing, and a new schedule expression is one UpdateSchedule. An imported schedule plans
 * unchanged.
 */
class CliScheduledTaskIT {

  private static final String FILES =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsCluster
      metadata: {name: batch}
      spec: {}
      ---
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsTaskDefinition
      metadata: {name: report}
      spec:
        memory: "512"
        containerDefinitions:
          - {name: report, image: report:1}
      ---
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsScheduledTask
      metadata: {name: nightly}
      spec:
        schedule: rate(1 day)
        roleArn: arn:aws:iam::123456789012:role/scheduler
        task:
          clusterRef: {name: batch}
          taskDefinitionRef: {name: report}
        tags: {team: reports}
      """;

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void emptyAccount() {
    cli.bed.resetAws();
  }

  @Test
  void applyCreatesTheScheduleOnceAndAChangeIsOneUpdate() {
    Path files = CliHarness.write(dir, "nightly.yaml", FILES);

    CliHarness.Result plan = cli.run("plan", "-f", files.toString());
    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(2);
    assertThat(plan.out()).contains("schedule nightly");

    CliHarness.Result apply = cli.run("apply", "-f", files.toString());
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(apply.out()).contains("Apply: 3 ready.");
    GetScheduleResponse schedule = schedule();
    assertThat(schedule.target().arn()).endsWith(":cluster/batch");
    assertThat(schedule.target().ecsParameters().taskDefinitionArn())
        .endsWith(":task-definition/report:1");
    assertThat(schedule.description()).contains("ecsoperator.io/owner=default/nightly");

    cli.calls.reset();
    assertThat(cli.run("apply", "-f", files.toString()).exitCode()).isZero();
    assertThat(cli.calls.writes()).isEmpty();

    Path changed =
        CliHarness.write(dir, "changed.yaml", FILES.replace("rate(1 day)", "rate(2 days)"));
    CliHarness.Result planned = cli.run("plan", "-f", changed.toString());
    assertThat(planned.exitCode()).as(planned.output()).isEqualTo(2);
    assertThat(planned.out()).contains("ScheduleExpression");
    cli.calls.reset();
    assertThat(cli.run("apply", "-f", changed.toString()).exitCode()).isZero();
    assertThat(cli.calls.writes()).isEqualTo(Map.of("UpdateSchedule", 1));
    assertThat(schedule().scheduleExpression()).isEqualTo("rate(2 days)");
  }

  /** A schedule made by hand, with what Scheduler defaults to and what it does not. */
  @Test
  void anImportedScheduleIsPlannedUnchangedAndAdoptedByOneUpdate() {
    try (var aws = cli.bed.awsClients(new AwsCallCounter())) {
      var ecs = aws.forRegion(null).ecs();
      String cluster = ecs.createCluster(r -> r.clusterName("batch")).cluster().clusterArn();
      String revision =
          ecs.registerTaskDefinition(
                  r ->
                      r.family("report")
                          .memory("512")
                          .containerDefinitions(c -> c.name("report").image("report:1")))
              .taskDefinition()
              .taskDefinitionArn();
      aws.forRegion(null)
          .scheduler()
          .createSchedule(
              r ->
                  r.name("by-hand")
                      .description("the nightly report, made in the console")
                      .scheduleExpression("cron(30 2 * * ? *)")
                      .scheduleExpressionTimezone("Europe/Paris")
                      .state("DISABLED")
                      .flexibleTimeWindow(w -> w.mode("FLEXIBLE").maximumWindowInMinutes(15))
                      .target(
                          t ->
                              t.arn(cluster)
                                  .roleArn("arn:aws:iam::123456789012:role/scheduler")
                                  .input("{\"containerOverrides\":[{\"name\":\"report\"}]}")
                                  .retryPolicy(p -> p.maximumRetryAttempts(3))
                                  .ecsParameters(
                                      e ->
                                          e.taskDefinitionArn(revision)
                                              .taskCount(2)
                                              .launchType("EC2")
                                              .enableExecuteCommand(false)
                                              .tags(
                                                  List.of(
                                                      Map.of("key", "team", "value", "data"))))));
    }
    Path imported = dir.resolve("imported.yaml");

    CliHarness.Result result =
        cli.run("import", "--schedule", "by-hand", "-o", imported.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();

    CliHarness.Result plan = cli.run("plan", "-f", imported.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out()).endsWith("Plan: 0 to create, 0 to update, 0 blocked, 1 unchanged.\n");
    cli.calls.reset();
    assertThat(cli.run("apply", "-f", imported.toString()).exitCode()).isZero();
    assertThat(cli.calls.writes()).as("the marker only").isEqualTo(Map.of("UpdateSchedule", 1));
    GetScheduleResponse adopted = schedule("by-hand");
    assertThat(adopted.description()).contains("ecsoperator.io/owner=");
    assertThat(adopted.stateAsString()).isEqualTo("DISABLED");
    assertThat(adopted.target().ecsParameters().taskCount()).isEqualTo(2);
    assertThat(cli.run("plan", "-f", imported.toString()).exitCode()).isZero();
  }

  private GetScheduleResponse schedule() {
    return schedule("nightly");
  }

  private GetScheduleResponse schedule(String name) {
    try (var aws = cli.bed.awsClients(new AwsCallCounter())) {
      return aws.forRegion(null).scheduler().getSchedule(r -> r.name(name));
    }
  }
}

package io.ecsoperator.operator.cli.scheduledtask;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.cli.CliHarness;
import io.ecsoperator.testsupport.AwsCallCounter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * An EcsScheduledTask from files, against moto: plan before the cluster exists, apply creates the
 * schedule with the cluster's ARN and the revision the files registered, applying again writes
 * nothing, and a new schedule expression is one UpdateSchedule.
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

  private GetScheduleResponse schedule() {
    try (var aws = cli.bed.awsClients(new AwsCallCounter())) {
      return aws.scheduler(null).getSchedule(r -> r.name("nightly"));
    }
  }
}

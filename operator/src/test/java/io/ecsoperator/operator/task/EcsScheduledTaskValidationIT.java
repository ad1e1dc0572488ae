package io.ecsoperator.operator.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import io.ecsoperator.testsupport.Processes;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Admission of EcsScheduledTask manifests by the real API server with the chart's CRDs (issue 12,
 * DESIGN §4). No operator runs here: only the API server decides.
 */
class EcsScheduledTaskValidationIT extends ManifestValidation {

  private static final String ROLE = "roleArn: arn:aws:iam::123456789012:role/scheduler\n";
  private static final String TASK = "task: {cluster: shop, taskDefinition: report}\n";

  /** The smallest valid spec. */
  private static final String MINIMAL = "schedule: rate(1 hour)\n" + ROLE + TASK;

  EcsScheduledTaskValidationIT() {
    super("EcsScheduledTask", "ecsscheduledtasks", "schedtask-validation", "schedtask");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid("no schedule", ROLE + TASK, "spec.schedule", "Required value"),
        invalid("no role", "schedule: rate(1 hour)\n" + TASK, "spec.roleArn", "Required value"),
        invalid("no task", "schedule: rate(1 hour)\n" + ROLE, "spec.task", "Required value"),
        invalid(
            "a Kubernetes cron expression",
            "schedule: \"*/5 * * * *\"\n" + ROLE + TASK,
            "spec.schedule",
            "should match"),
        invalid(
            "a rate of 0",
            "schedule: rate(0 minutes)\n" + ROLE + TASK,
            "spec.schedule",
            "should match"),
        invalid(
            "a time zone on a rate",
            MINIMAL + "timeZone: Europe/Paris",
            "spec.timeZone",
            "a rate() schedule has no time zone"),
        invalid(
            "a window of 90 seconds",
            MINIMAL + "startingDeadlineSeconds: 90",
            "spec.startingDeadlineSeconds",
            "startingDeadlineSeconds must be whole minutes"),
        invalid(
            "an end before the start",
            MINIMAL + "startDate: \"2026-02-01T00:00:00Z\"\nendDate: \"2026-01-01T00:00:00Z\"",
            "spec.endDate",
            "startDate must be before endDate"),
        invalid(
            "186 retries",
            MINIMAL + "retryPolicy: {maximumRetryAttempts: 186}",
            "spec.retryPolicy.maximumRetryAttempts",
            "should be less than or equal to 185"),
        invalid(
            "a dead-letter queue that is no SQS queue",
            MINIMAL + "deadLetterQueueArn: arn:aws:sns:eu-west-1:123456789012:topic",
            "spec.deadLetterQueueArn",
            "should match"),
        invalid(
            "a task without its cluster",
            "schedule: rate(1 hour)\n" + ROLE + "task: {taskDefinition: report}",
            "spec.task.cluster",
            "set exactly one of cluster and clusterRef"),
        invalid(
            "a scheduleName with a slash",
            MINIMAL + "scheduleName: reports/nightly",
            "spec.scheduleName",
            "should match"));
  }

  static Stream<Arguments> validManifests() throws IOException {
    return Stream.of(
        Arguments.of("the smallest spec", MINIMAL),
        Arguments.of("the nightly report example", exampleSpec("nightly-report.yaml")),
        Arguments.of(
            "a one-time run in a time zone, suspended",
            "schedule: at(2026-12-24T18:00:00)\ntimeZone: Europe/Berlin\nsuspend: true\n"
                + ROLE
                + TASK));
  }

  @Test
  void theScheduleCanChangeButNotItsName() {
    String object = nextName();
    apply(manifest(object, MINIMAL + "scheduleName: reports-nightly\n"))
        .assertSuccess("apply the original");

    apply(
            manifest(
                object,
                MINIMAL.replace("rate(1 hour)", "cron(0 3 * * ? *)")
                    + "scheduleName: reports-nightly\nsuspend: true\n"))
        .assertSuccess("change the schedule and suspend it");
    assertThat(get(object, "{.spec.schedule} {.spec.suspend}")).isEqualTo("cron(0 3 * * ? *) true");

    assertChangeRefused(
        MINIMAL + "scheduleName: a\n", MINIMAL + "scheduleName: b\n", "scheduleName is immutable");
  }

  @Test
  void anObjectNameThatIsNoScheduleNameNeedsScheduleName() {
    Processes.Result result = apply(manifest("x".repeat(65), MINIMAL));

    assertRefused(result);
    assertThat(result.stderr())
        .contains("spec.scheduleName:")
        .contains("metadata.name is not a valid schedule name");
  }
}

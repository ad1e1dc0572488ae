package io.ecsoperator.reconcilers.scheduledtask;

import io.ecsoperator.crds.task.EcsScheduledTaskSpec;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * Outputs of {@code aws scheduler get-schedule} saved under {@code fixtures/scheduler/} (as the CLI
 * prints them: times with offsets, AWS's defaults filled in, tags in AWS's order), and the specs
 * that made them.
 */
final class ScheduleFixtures {

  static final ResourceRef NIGHTLY =
      new ResourceRef("reports", "nightly-report", "6f1c2a9e-3b1d-4c55-9a0e-2f7d1e4b8c11");
  static final ScheduleId NIGHTLY_ID = ScheduleId.of(null, "nightly-report");
  static final ScheduleTarget NIGHTLY_TARGET =
      new ScheduleTarget(
          "arn:aws:ecs:eu-west-1:123456789012:cluster/batch",
          "arn:aws:ecs:eu-west-1:123456789012:task-definition/report:12");

  /** The spec of the schedule in get-schedule-nightly.json: only what the user wrote. */
  static final String NIGHTLY_SPEC =
      """
      {"schedule": "cron(30 2 * * ? *)", "timeZone": "Europe/Paris",
       "roleArn": "arn:aws:iam::123456789012:role/nightly-report-scheduler",
       "tags": {"team": "data"},
       "task": {"cluster": "batch", "taskDefinition": "report", "launchType": "FARGATE",
         "networkConfiguration": {"awsvpcConfiguration": {
           "subnets": ["subnet-01234abcd5678ef90", "subnet-0f1e2d3c4b5a69788"],
           "securityGroups": ["sg-0a1b2c3d4e5f60718"]}},
         "overrides": {"containerOverrides": [
           {"command": ["report", "--since", "1d"], "name": "report"}]}}}
      """;

  static final ResourceRef HOURLY = new ResourceRef("reports", "hourly-export", null);
  static final ScheduleId HOURLY_ID = ScheduleId.of("reports", "hourly-export");
  static final ScheduleTarget HOURLY_TARGET =
      new ScheduleTarget(
          "arn:aws:ecs:eu-west-1:123456789012:cluster/batch",
          "arn:aws:ecs:eu-west-1:123456789012:task-definition/export:3");

  /** The spec of get-schedule-flexible-disabled.json. */
  static final String HOURLY_SPEC =
      """
      {"schedule": "rate(1 hour)", "groupName": "reports", "suspend": true,
       "startDate": "2026-12-01T00:00:00Z", "endDate": "2027-07-01T00:00:00+02:00",
       "startingDeadlineSeconds": 900,
       "retryPolicy": {"maximumEventAgeInSeconds": 3600, "maximumRetryAttempts": 3},
       "deadLetterQueueArn": "arn:aws:sqs:eu-west-1:123456789012:export-dlq",
       "roleArn": "arn:aws:iam::123456789012:role/export-scheduler",
       "task": {"cluster": "batch", "taskDefinition": "export", "count": 2, "group": "exports",
         "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}],
         "propagateTags": "TASK_DEFINITION", "enableExecuteCommand": false}}
      """;

  private ScheduleFixtures() {}

  static EcsScheduledTaskSpec spec(String json) {
    try {
      return Json.MAPPER.readValue(json, EcsScheduledTaskSpec.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GetScheduleResponse schedule(String fixture) {
    String resource = "/fixtures/scheduler/" + fixture;
    try (InputStream in = ScheduleFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return SdkJson.fromJson(Json.MAPPER.readTree(in), GetScheduleResponse.builder());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

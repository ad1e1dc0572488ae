package io.ecsoperator.operator.scheduledtask;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/**
 * The EcsScheduledTask cases of {@link ValidationCases}: its schema's checks and one case per CEL
 * rule.
 */
public final class EcsScheduledTaskValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
        new Case(
            "EcsScheduledTask",
            "nightly-report-of-the-finance-team-for-the-whole-company-and-its-subsidiaries",
            SCHEDULED,
            "spec.scheduleName",
            "metadata.name is not a valid schedule name"),
        scheduledTask(
            "startDate: \"2027-02-01T00:00:00Z\"\nendDate: \"2027-01-01T00:00:00Z\"",
            "spec.endDate",
            "startDate must be before endDate"),
        scheduledTask(
            "timeZone: Europe/Paris", "spec.timeZone", "a rate() schedule has no time zone"),
        scheduledTask(
            "startingDeadlineSeconds: 90",
            "spec.startingDeadlineSeconds",
            "startingDeadlineSeconds must be whole minutes"));
  }

  private static Case scheduledTask(String spec, String field, String message) {
    return new Case("EcsScheduledTask", "nightly-report", SCHEDULED + spec, field, message);
  }

  /** A valid EcsScheduledTask spec that the cases add one wrong field to. */
  private static final String SCHEDULED =
      """
      schedule: rate(1 hour)
      roleArn: arn:aws:iam::123456789012:role/scheduler
      task: {cluster: shop, taskDefinition: report}
      """;
}

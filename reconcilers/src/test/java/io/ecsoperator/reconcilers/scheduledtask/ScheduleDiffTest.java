package io.ecsoperator.reconcilers.scheduledtask;

import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.HOURLY;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.HOURLY_ID;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.HOURLY_SPEC;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.HOURLY_TARGET;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.NIGHTLY;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.NIGHTLY_ID;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.NIGHTLY_SPEC;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.NIGHTLY_TARGET;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.schedule;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.task.EcsScheduledTaskSpec;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

class ScheduleDiffTest {

  private static final String NIGHTLY_FIXTURE = "get-schedule-nightly.json";
  private static final String HOURLY_FIXTURE = "get-schedule-flexible-disabled.json";

  @Test
  void awsDefaultsAndItsOrderOfTagsSubnetsAndInputAreNoDrift() {
    assertThat(nightly(spec(NIGHTLY_SPEC), schedule(NIGHTLY_FIXTURE)).changes()).isEmpty();
  }

  @Test
  void aFlexibleWindowRetriesDeadLetterQueueAndASuspendedScheduleMatchTheirSpec() {
    ChangeSet changes =
        ScheduleDiff.diff(
            ScheduleRequests.desired(HOURLY, spec(HOURLY_SPEC), HOURLY_ID, HOURLY_TARGET),
            schedule(HOURLY_FIXTURE));

    assertThat(changes.changes()).isEmpty();
  }

  @Test
  void suspendingDisablesTheSchedule() {
    EcsScheduledTaskSpec spec = spec(NIGHTLY_SPEC);
    spec.suspend = true;

    assertThat(nightly(spec, schedule(NIGHTLY_FIXTURE)).changes())
        .containsExactly(new FieldChange("State", text("DISABLED"), text("ENABLED"), IN_PLACE));
  }

  @Test
  void aNewScheduleAndANewRevisionAreChanges() {
    EcsScheduledTaskSpec spec = spec(NIGHTLY_SPEC);
    spec.schedule = "cron(0 3 * * ? *)";
    ChangeSet changes =
        ScheduleDiff.diff(
            ScheduleRequests.desired(
                NIGHTLY,
                spec,
                NIGHTLY_ID,
                new ScheduleTarget(
                    NIGHTLY_TARGET.clusterArn(),
                    "arn:aws:ecs:eu-west-1:123456789012:task-definition/report:13")),
            schedule(NIGHTLY_FIXTURE));

    assertThat(changes.paths())
        .isEqualTo("ScheduleExpression, Target.EcsParameters.TaskDefinitionArn");
  }

  @Test
  void whatWasAddedOutOfBandIsDriftBecauseUpdateScheduleReplacesEverything() {
    GetScheduleResponse edited =
        schedule(NIGHTLY_FIXTURE).toBuilder()
            .target(
                schedule(NIGHTLY_FIXTURE).target().toBuilder()
                    .deadLetterConfig(d -> d.arn("arn:aws:sqs:eu-west-1:123456789012:q"))
                    .retryPolicy(r -> r.maximumRetryAttempts(0))
                    .build())
            .build();

    assertThat(nightly(spec(NIGHTLY_SPEC), edited).paths())
        .isEqualTo("Target.DeadLetterConfig.Arn, Target.RetryPolicy.MaximumRetryAttempts");
  }

  @Test
  void anInputWithOtherSpacingAndKeyOrderIsTheSameInput() {
    GetScheduleResponse respaced =
        withTarget(
            schedule(NIGHTLY_FIXTURE),
            "{ \"containerOverrides\" : [ { \"command\" : [\"report\", \"--since\", \"1d\"],"
                + " \"name\" : \"report\" } ] }");

    assertThat(nightly(spec(NIGHTLY_SPEC), respaced).changes()).isEmpty();
  }

  @Test
  void anotherInputIsAChange() {
    GetScheduleResponse other =
        withTarget(schedule(NIGHTLY_FIXTURE), "{\"containerOverrides\":[{\"name\":\"report\"}]}");

    assertThat(nightly(spec(NIGHTLY_SPEC), other).paths()).isEqualTo("Target.Input");
  }

  @Test
  void theDescriptionIsNoChangeItCarriesOwnershipWhichIsJudgedApart() {
    GetScheduleResponse unmarked =
        schedule(NIGHTLY_FIXTURE).toBuilder().description("nightly report, made by hand").build();

    assertThat(nightly(spec(NIGHTLY_SPEC), unmarked).changes()).isEmpty();
  }

  @Test
  void aChangedTaskTagIsAChangeOfTheTags() {
    EcsScheduledTaskSpec spec = spec(NIGHTLY_SPEC);
    spec.tags = Map.of("team", "finance");

    FieldChange change = nightly(spec, schedule(NIGHTLY_FIXTURE)).changes().get(0);

    assertThat(nightly(spec, schedule(NIGHTLY_FIXTURE)).paths()).isEqualTo("tags");
    assertThat(change.desired().toString()).contains("\"team\":\"finance\"");
    assertThat(change.actual().toString()).contains("\"team\":\"data\"");
  }

  private static final ChangeStrategy IN_PLACE = ChangeStrategy.IN_PLACE;

  private static ChangeSet nightly(EcsScheduledTaskSpec spec, GetScheduleResponse actual) {
    return ScheduleDiff.diff(
        ScheduleRequests.desired(NIGHTLY, spec, NIGHTLY_ID, NIGHTLY_TARGET), actual);
  }

  private static GetScheduleResponse withTarget(GetScheduleResponse schedule, String input) {
    return schedule.toBuilder().target(schedule.target().toBuilder().input(input).build()).build();
  }

  private static Object text(String value) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
  }
}

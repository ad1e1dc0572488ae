package io.ecsoperator.reconcilers.scheduledtask;

import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.HOURLY;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.HOURLY_ID;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.HOURLY_SPEC;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.HOURLY_TARGET;
import static io.ecsoperator.reconcilers.scheduledtask.ScheduleFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

class ScheduleRequestsTest {

  private final UpdateScheduleRequest hourly =
      ScheduleRequests.desired(HOURLY, spec(HOURLY_SPEC), HOURLY_ID, HOURLY_TARGET);

  @Test
  void theSpecMapsToTheSchedulesFields() {
    assertThat(hourly.groupName()).isEqualTo("reports");
    assertThat(hourly.stateAsString()).isEqualTo("DISABLED");
    assertThat(hourly.flexibleTimeWindow().modeAsString()).isEqualTo("FLEXIBLE");
    assertThat(hourly.flexibleTimeWindow().maximumWindowInMinutes()).isEqualTo(15);
    assertThat(hourly.endDate()).isEqualTo(Instant.parse("2027-06-30T22:00:00Z"));
    assertThat(hourly.target().arn()).isEqualTo(HOURLY_TARGET.clusterArn());
    assertThat(hourly.target().retryPolicy().maximumRetryAttempts()).isEqualTo(3);
    assertThat(hourly.target().deadLetterConfig().arn())
        .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:export-dlq");
    assertThat(hourly.target().ecsParameters().taskCount()).isEqualTo(2);
    assertThat(hourly.target().ecsParameters().propagateTagsAsString())
        .isEqualTo("TASK_DEFINITION");
  }

  @Test
  void theTasksCarryTheOwnerAndTheScheduleAsTags() {
    assertThat(ScheduleTags.of(hourly.target().ecsParameters().tags()))
        .isEqualTo(
            Map.of(
                "ecsoperator.io/owner", "reports/hourly-export",
                "ecsoperator.io/schedule", "reports/hourly-export"));
    assertThat(ScheduleOwnership.tagsOf(hourly.description())).isEqualTo(HOURLY.ownershipTags());
  }

  /** Both requests carry an idempotency token the SDK makes up; everything else is the same. */
  @Test
  void createSendsWhatUpdateSends() {
    CreateScheduleRequest create = ScheduleRequests.create(hourly);

    JsonNode created = SdkJson.toJson(create).without("ClientToken");
    JsonNode updated = SdkJson.toJson(hourly).without("ClientToken");

    assertThat(created).isEqualTo(updated);
    assertThat(created.size()).as("every member set but the time zone").isEqualTo(9);
  }

  @Test
  void aStrategyItemNamingAProviderObjectTargetsTheProvidersAwsName() {
    var spec = spec(HOURLY_SPEC);
    var item = spec.task.capacityProviderStrategy.get(0);
    item.capacityProvider = null;
    item.capacityProviderRef = new LocalObjectReference();
    item.capacityProviderRef.name = "spot";
    var target =
        new ScheduleTarget(
            HOURLY_TARGET.clusterArn(),
            HOURLY_TARGET.taskDefinitionArn(),
            new ProviderNames(Map.of("spot", "reports-spot-asg")));

    var request = ScheduleRequests.desired(HOURLY, spec, HOURLY_ID, target);

    assertThat(request.target().ecsParameters().capacityProviderStrategy())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.capacityProvider()).isEqualTo("reports-spot-asg");
              assertThat(s.weight()).isEqualTo(1);
            });
  }

  @Test
  void withoutAStartingDeadlineTheRunStartsOnTime() {
    var spec = spec(HOURLY_SPEC);
    spec.startingDeadlineSeconds = null;
    spec.suspend = null;

    var request = ScheduleRequests.desired(HOURLY, spec, HOURLY_ID, HOURLY_TARGET);

    assertThat(request.flexibleTimeWindow().modeAsString()).isEqualTo("OFF");
    assertThat(request.flexibleTimeWindow().maximumWindowInMinutes()).isNull();
    assertThat(request.stateAsString()).isEqualTo("ENABLED");
  }
}

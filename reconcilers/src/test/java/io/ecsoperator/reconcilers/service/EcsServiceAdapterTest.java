package io.ecsoperator.reconcilers.service;

import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_IN_PROGRESS;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_ROLLBACK;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_7;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_8;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.load;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.serviceAnswer;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.spec;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.cluster.EcsFixtures;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.engine.TerminalException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The service adapter and the engine against AWS answers saved from real responses, for what moto
 * cannot show: failed and rolled-back rollouts, DRAINING services, AWS refusing a second
 * CreateService of a name.
 */
class EcsServiceAdapterTest {

  private static final ResourceRef WEB_REF =
      new ResourceRef("apps", "web", "5b1c9e2a-1f0d-4c6b-9a8e-7d3f2b1a0c9e");
  private static final String MISSING =
      "{\"services\":[],\"failures\":[{\"arn\":"
          + "\"arn:aws:ecs:eu-west-1:123456789012:service/shop/web\",\"reason\":\"MISSING\"}]}";
  private static final String WEB_SPEC = "cluster: shop\ntaskDefinitionRef: {name: web}\n";

  private static EcsServiceAdapter adapter(
      EcsFixtures aws, String taskDefinition, ServiceMemory memory) {
    return new EcsServiceAdapter(
        aws.factory(),
        BatchedServiceReader.on(aws.factory(), Duration.ofSeconds(10)),
        new ResolvedService("web", "shop", taskDefinition),
        memory,
        true);
  }

  @Test
  void aRolledBackRevisionIsRememberedAndNotDeployedAgainUntilTheSpecChanges() {
    EcsFixtures rollingBack =
        EcsFixtures.answering().answer("DescribeServices", wire(load(WEB_ROLLBACK)));
    EcsFixtures rolledBack = EcsFixtures.answering().answer("DescribeServices", wire(load(WEB)));

    ReconcileOutcome<EcsServiceState> during =
        ReconcileEngine.reconcile(
            adapter(rollingBack, WEB_TD_8, ServiceMemory.NONE), WEB_REF, spec(WEB_SPEC), true);
    ServiceMemory remembered = new ServiceMemory(null, during.actual().failedTaskDefinition());
    ReconcileOutcome<EcsServiceState> after =
        ReconcileEngine.reconcile(
            adapter(rolledBack, WEB_TD_8, remembered), WEB_REF, spec(WEB_SPEC), true);

    assertThat(during.state()).isEqualTo(State.STALLED);
    assertThat(during.reason()).isEqualTo("RolloutFailed");
    assertThat(during.actual().failedTaskDefinition()).isEqualTo(WEB_TD_8);
    assertThat(after.state()).isEqualTo(State.STALLED);
    assertThat(after.reason()).isEqualTo("RolloutFailed");
    assertThat(after.message())
        .isEqualTo(
            "the rollout of "
                + WEB_TD_8
                + " failed and was rolled back; it is not deployed again until the spec changes"
                + " (a new task definition, or a new restartedAt to retry)");
    assertThat(rollingBack.writes()).isEmpty();
    assertThat(rolledBack.writes()).isEmpty();
  }

  @Test
  void aNewRestartedAtRetriesARolledBackRevisionWithOneForcedDeployment() {
    EcsFixtures aws =
        EcsFixtures.answering()
            .answer("DescribeServices", wire(load(WEB)))
            .answer("UpdateService", serviceAnswer(load(WEB_IN_PROGRESS)));

    ReconcileOutcome<EcsServiceState> retried =
        ReconcileEngine.reconcile(
            adapter(aws, WEB_TD_8, new ServiceMemory(null, WEB_TD_8)),
            WEB_REF,
            spec(WEB_SPEC + "restartedAt: \"2025-03-16T08:00:00Z\"\n"),
            false);

    assertThat(aws.writes()).containsExactly("UpdateService");
    assertThat(aws.lastRequest("UpdateService").get("taskDefinition").asText()).isEqualTo(WEB_TD_8);
    assertThat(aws.lastRequest("UpdateService").get("forceNewDeployment").asBoolean()).isTrue();
    assertThat(retried.actual().restartedAt()).isEqualTo("2025-03-16T08:00:00Z");
    assertThat(retried.actual().failedTaskDefinition()).as("forgotten on retry").isNull();
  }

  @Test
  void anotherRevisionIsDeployedDespiteAFailedOne() {
    String web9 = WEB_TD_8.replace(":8", ":9");
    EcsFixtures aws =
        EcsFixtures.answering()
            .answer("DescribeServices", wire(load(WEB)))
            .answer("UpdateService", serviceAnswer(load(WEB)));

    ReconcileEngine.reconcile(
        adapter(aws, web9, new ServiceMemory(null, WEB_TD_8)), WEB_REF, spec(WEB_SPEC), true);

    assertThat(aws.writes()).containsExactly("UpdateService");
    assertThat(aws.lastRequest("UpdateService").get("taskDefinition").asText()).isEqualTo(web9);
  }

  @Test
  void aDrainingServiceTakesNoUpdateAndIsWaitedFor() {
    EcsFixtures aws =
        EcsFixtures.answering()
            .answer(
                "DescribeServices",
                wire(load(WEB).replace("\"status\": \"ACTIVE\"", "\"status\": \"DRAINING\"")));
    EcsServiceSpec changed = spec(WEB_SPEC + "desiredCount: 9\n");

    Observation<EcsServiceState> observation =
        adapter(aws, WEB_TD_8, ServiceMemory.NONE).observe(WEB_REF, changed);
    ReconcileOutcome<EcsServiceState> outcome =
        ReconcileEngine.reconcile(
            adapter(aws, WEB_TD_8, ServiceMemory.NONE), WEB_REF, changed, false);

    assertThat(observation.exists()).isTrue();
    assertThat(observation.changes().isEmpty()).isTrue();
    assertThat(outcome.state()).isEqualTo(State.PROGRESSING);
    assertThat(outcome.reason()).isEqualTo("ServiceDraining");
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void aSecondCreateServiceOfANameOwnedByAnotherObjectStallsWithoutTouchingIt() {
    EcsFixtures aws =
        EcsFixtures.answering()
            .fail(
                "CreateService",
                "InvalidParameterException",
                "Creation of service was not idempotent.")
            .answer("DescribeServices", wire(load(WEB)));
    ResourceRef other = new ResourceRef("apps", "other", "uid");

    assertThatThrownBy(
            () -> adapter(aws, WEB_TD_7, ServiceMemory.NONE).create(other, spec(WEB_SPEC)))
        .isInstanceOfSatisfying(
            TerminalException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("OwnedByOther");
              assertThat(e.getMessage()).contains("owned by apps/web");
            });
    assertThat(aws.writes()).containsExactly("CreateService");
  }

  @Test
  void otherInvalidParametersOfCreateServiceAreAwsErrors() {
    EcsFixtures aws =
        EcsFixtures.answering()
            .answer("DescribeServices", MISSING)
            .fail(
                "CreateService",
                "InvalidParameterException",
                "Task definition does not support launch_type FARGATE.");

    ReconcileOutcome<EcsServiceState> outcome =
        ReconcileEngine.reconcile(
            adapter(aws, WEB_TD_7, ServiceMemory.NONE),
            WEB_REF,
            spec(WEB_SPEC + "launchType: FARGATE\n"),
            false);

    assertThat(outcome.state()).isEqualTo(State.STALLED);
    assertThat(outcome.reason()).isEqualTo("InvalidParameter");
    assertThat(outcome.message())
        .isEqualTo("Task definition does not support launch_type FARGATE.");
  }
}

package io.ecsoperator.reconcilers.service;

import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_IN_PROGRESS;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_ROLLBACK;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_7;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_8;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.load;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.scalingAnswer;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.serviceAnswer;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.spec;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.wire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.cluster.EcsFixtures;
import io.ecsoperator.reconcilers.engine.CreateRace;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The service adapter and the engine against AWS answers saved from real responses, for what moto
 * cannot show: failed and rolled-back rollouts, DRAINING services, AWS refusing a second
 * CreateService of a name, Application Auto Scaling not seeing a service just created yet, and the
 * order of the calls.
 */
class EcsServiceAdapterTest {

  private static final ResourceRef WEB_REF =
      new ResourceRef("apps", "web", "5b1c9e2a-1f0d-4c6b-9a8e-7d3f2b1a0c9e");
  private static final String MISSING =
      "{\"services\":[],\"failures\":[{\"arn\":"
          + "\"arn:aws:ecs:eu-west-1:123456789012:service/shop/web\",\"reason\":\"MISSING\"}]}";
  private static final String WEB_SPEC = "cluster: shop\ntaskDefinitionRef: {name: web}\n";

  /**
   * The target of the scaling fixtures, min 2 max 10, with policies cpu, memory, requests, burst.
   */
  private static final String TARGET_ARN =
      "arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/"
          + "0ec5d2a4b8f14c6e9a1b3c5d7e9f0a2b4c6d";

  private static final String SCALED_SPEC =
      WEB_SPEC
          + """
          autoScaling:
            minCapacity: 2
            maxCapacity: 10
            targetTrackingPolicies:
              - policyName: cpu
                predefinedMetricType: ECSServiceAverageCPUUtilization
                targetValue: 60
          """;

  private static final String NO_TARGETS = "{\"ScalableTargets\":[]}";
  private static final String REGISTERED = "{\"ScalableTargetARN\":\"" + TARGET_ARN + "\"}";
  private static final String POLICY_PUT =
      "{\"PolicyARN\":\"arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:6d8972f3-efc8"
          + "-437c-92d1-6270f29a66e7:resource/ecs/service/shop/web:policyName/cpu\",\"Alarms\":[]}";

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
    ServiceMemory remembered =
        new ServiceMemory(null, during.actual().failedTaskDefinition(), null);
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
            adapter(aws, WEB_TD_8, new ServiceMemory(null, WEB_TD_8, null)),
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
        adapter(aws, web9, new ServiceMemory(null, WEB_TD_8, null)), WEB_REF, spec(WEB_SPEC), true);

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

    ReconcileOutcome<EcsServiceState> outcome =
        ReconcileEngine.reconcile(
            CreateRace.firstObserveMisses(adapter(aws, WEB_TD_7, ServiceMemory.NONE)),
            other,
            spec(WEB_SPEC),
            false);

    assertThat(outcome.reason()).isEqualTo("OwnedByOther");
    assertThat(outcome.message()).contains("owned by apps/web");
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

  @Test
  void aNewServiceGetsItsScalingRightAfterCreateServiceAndRemembersTheTarget() {
    EcsFixtures aws =
        EcsFixtures.answering()
            .answer("DescribeServices", MISSING)
            .answer("CreateService", serviceAnswer(load(WEB)))
            .answer("DescribeScalableTargets", NO_TARGETS)
            .answer("RegisterScalableTarget", REGISTERED)
            .answer("PutScalingPolicy", POLICY_PUT);

    ReconcileOutcome<EcsServiceState> created =
        ReconcileEngine.reconcile(
            adapter(aws, WEB_TD_7, ServiceMemory.NONE), WEB_REF, spec(SCALED_SPEC), false);

    assertThat(created.state()).as(created.message()).isEqualTo(State.READY);
    assertThat(aws.operations())
        .containsExactly(
            "DescribeServices",
            "CreateService",
            "DescribeScalableTargets",
            "RegisterScalableTarget",
            "PutScalingPolicy");
    assertThat(aws.lastRequest("CreateService").get("desiredCount").asInt())
        .as("the scaler's minimum as the initial count")
        .isEqualTo(2);
    JsonNode register = aws.lastRequest("RegisterScalableTarget");
    assertThat(register.get("ResourceId").asText()).isEqualTo("service/shop/web");
    assertThat(register.get("Tags").get(ResourceRef.OWNER_TAG).asText()).isEqualTo("apps/web");
    assertThat(created.actual().scalableTargetArn()).isEqualTo(TARGET_ARN);
    assertThat(created.actual().scaling().minCapacity()).isEqualTo(2);
    assertThat(created.actual().scaling().maxCapacity()).isEqualTo(10);
    assertThat(created.actual().scaling().policies()).containsOnlyKeys("cpu");
  }

  /**
   * Application Auto Scaling may not see a service ECS has just created: the reconcile is retried,
   * and the next one, which finds the service, registers the target without a second service.
   */
  @Test
  void aServiceAutoScalingDoesNotSeeYetIsScaledByTheNextReconcile() {
    EcsFixtures justCreated =
        EcsFixtures.answering()
            .answer("DescribeServices", MISSING)
            .answer("CreateService", serviceAnswer(load(WEB)))
            .answer("DescribeScalableTargets", NO_TARGETS)
            .fail(
                "RegisterScalableTarget",
                "ValidationException",
                "ECS service doesn't exist: service/shop/web");
    EcsFixtures visible =
        EcsFixtures.answering()
            .answer("DescribeServices", wire(load(WEB)))
            .answer("DescribeScalableTargets", NO_TARGETS)
            .answer("RegisterScalableTarget", REGISTERED)
            .answer("PutScalingPolicy", POLICY_PUT);

    ReconcileOutcome<EcsServiceState> first =
        ReconcileEngine.reconcile(
            adapter(justCreated, WEB_TD_7, ServiceMemory.NONE), WEB_REF, spec(SCALED_SPEC), false);
    ReconcileOutcome<EcsServiceState> second =
        ReconcileEngine.reconcile(
            adapter(visible, WEB_TD_7, ServiceMemory.NONE), WEB_REF, spec(SCALED_SPEC), false);

    assertThat(first.state()).isEqualTo(State.RETRYING);
    assertThat(first.reason()).isEqualTo("ServiceNotVisibleYet");
    assertThat(justCreated.writes()).containsExactly("CreateService", "RegisterScalableTarget");
    assertThat(second.state()).as(second.message()).isEqualTo(State.READY);
    assertThat(visible.writes()).containsExactly("RegisterScalableTarget", "PutScalingPolicy");
    assertThat(second.actual().scalableTargetArn()).isEqualTo(TARGET_ARN);
  }

  @Test
  void deletionRemovesOurScalingBeforeScalingTheServiceToZero() {
    EcsFixtures aws = deletable();

    DeleteOutcome outcome =
        ReconcileEngine.delete(
            adapter(aws, null, new ServiceMemory(null, null, TARGET_ARN)),
            WEB_REF,
            spec(SCALED_SPEC));

    assertThat(outcome.progress()).isEqualTo(DeleteOutcome.Progress.WAITING);
    assertThat(aws.writes())
        .containsExactly(
            "DeleteScalingPolicy",
            "DeleteScalingPolicy",
            "DeleteScalingPolicy",
            "DeleteScalingPolicy",
            "DeregisterScalableTarget",
            "UpdateService",
            "DeleteService");
    assertThat(aws.lastRequest("UpdateService").get("desiredCount").asInt()).isZero();
  }

  @Test
  void deletionLeavesAScalableTargetThisObjectDidNotRegister() {
    EcsFixtures aws = deletable();

    ReconcileEngine.delete(adapter(aws, null, ServiceMemory.NONE), WEB_REF, spec(SCALED_SPEC));

    assertThat(aws.operations()).contains("DescribeScalableTargets");
    assertThat(aws.writes()).containsExactly("UpdateService", "DeleteService");
  }

  /** shop/web, ours, with the scaling of the fixtures; deleting it leaves it DRAINING. */
  private static EcsFixtures deletable() {
    String draining = load(WEB).replace("\"status\": \"ACTIVE\"", "\"status\": \"DRAINING\"");
    return EcsFixtures.answering()
        .answer("DescribeServices", wire(load(WEB)))
        .answer("DescribeScalableTargets", scalingAnswer("describe-scalable-targets-web.json"))
        .answer("DescribeScalingPolicies", scalingAnswer("describe-scaling-policies-web.json"))
        .answer("DeleteScalingPolicy", "{}")
        .answer("DeregisterScalableTarget", "{}")
        .answer("UpdateService", serviceAnswer(load(WEB)))
        .answer("DeleteService", serviceAnswer(draining));
  }
}

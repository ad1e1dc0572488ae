package io.ecsoperator.reconcilers.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.service.scaling.ServiceScaling;
import io.ecsoperator.testsupport.AdapterIT;
import io.ecsoperator.testsupport.AwsCallCounter;
import io.ecsoperator.testsupport.ScalingInAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * An autoscaled service against moto, through the service adapter and the reconcile engine the way
 * the controller drives them: what is remembered in the object's status (the scalable target's ARN
 * above all) is handed to the next reconcile's adapter, as the controller does. The scaling calls
 * themselves and whose target is whose are {@link
 * io.ecsoperator.reconcilers.service.scaling.ServiceScalingIT}'s.
 */
class EcsServiceAutoScalingIT extends AdapterIT<EcsServiceSpec, EcsServiceState> {

  private static final String CLUSTER = "shop";
  private static final String RESOURCE_ID = "service/shop/web";
  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  private static final String SCALED_SPEC =
      """
      serviceName: web
      cluster: shop
      taskDefinition: web:1
      region: %s
      launchType: FARGATE
      autoScaling:
        minCapacity: 2
        maxCapacity: 6
        targetTrackingPolicies:
          - policyName: cpu
            predefinedMetricType: ECSServiceAverageCPUUtilization
            targetValue: 60
          - policyName: memory
            predefinedMetricType: ECSServiceAverageMemoryUtilization
            targetValue: 75
            scaleInCooldown: 120
      tags:
        team: web
      """;

  private final AtomicLong clock = new AtomicLong();
  private BatchedServiceReader reader;
  private EcsClient ecs;
  private ApplicationAutoScalingClient aas;
  private ScalingInAws inAws;

  /** What the object's status remembers between reconciles. */
  private ServiceMemory memory = ServiceMemory.NONE;

  @Override
  protected ResourceAdapter<EcsServiceSpec, EcsServiceState> newAdapter(AwsClientFactory aws) {
    reader = BatchedServiceReader.on(aws, MAX_AGE, clock::get);
    return adapter(aws, reader, true);
  }

  @Override
  protected Class<EcsServiceSpec> specClass() {
    return EcsServiceSpec.class;
  }

  @Override
  protected String fullSpecYaml() {
    return SCALED_SPEC.formatted(bed.region());
  }

  @BeforeEach
  void clusterAndTaskDefinition() {
    ecs = aws.forRegion(null).ecs();
    aas = aws.forRegion(null).autoScaling();
    inAws = new ScalingInAws(aas, RESOURCE_ID);
    ecs.createCluster(r -> r.clusterName(CLUSTER));
    ecs.registerTaskDefinition(
        r ->
            r.family("web")
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(c -> c.name("web").image("nginx:1.27")));
    calls.reset();
  }

  @Test
  void createRegistersTheTargetAndOnePolicyEachAndRemembersTheTarget() {
    ReconcileOutcome<EcsServiceState> created = reconcileAndRemember(fullSpec(), false);

    assertThat(created.state()).as(created.message()).isEqualTo(State.READY);
    assertThat(created.notices()).extracting(Notice::reason).containsExactly("Created");
    assertThat(calls.writes())
        .isEqualTo(Map.of("CreateService", 1, "RegisterScalableTarget", 1, "PutScalingPolicy", 2));
    assertThat(describe().desiredCount()).as("starts at minCapacity").isEqualTo(2);
    ScalableTarget target = inAws.target();
    assertThat(target.minCapacity()).isEqualTo(2);
    assertThat(target.maxCapacity()).isEqualTo(6);
    assertThat(inAws.policies()).containsOnlyKeys("cpu", "memory");
    assertThat(memory.scalableTargetArn()).isEqualTo(target.scalableTargetARN());
    assertThat(created.actual().scaling())
        .as("the state the create reports is what AWS has")
        .isEqualTo(scaling().read());
  }

  @Test
  void aNoOpDriftCheckReadsTheServiceAndItsScalingAndWritesNothing() {
    reconcileAndRemember(fullSpec(), false);
    clock.addAndGet(MAX_AGE.toNanos());
    calls.reset();

    ReconcileOutcome<EcsServiceState> again = reconcileAndRemember(fullSpec(), true);

    assertThat(again.state()).as(again.message()).isEqualTo(State.READY);
    assertThat(again.notices()).isEmpty();
    assertThat(calls.all())
        .isEqualTo(
            Map.of(
                "DescribeServices", 1, "DescribeScalableTargets", 1, "DescribeScalingPolicies", 1));
  }

  @Test
  void aDesiredCountTheScalerChangedIsNotReverted() {
    reconcileAndRemember(fullSpec(), false);
    // The scaler sets the count with UpdateService, as Application Auto Scaling does.
    ecs.updateService(r -> r.cluster(CLUSTER).service("web").desiredCount(5));
    clock.addAndGet(MAX_AGE.toNanos());
    calls.reset();

    ReconcileOutcome<EcsServiceState> unset = reconcileAndRemember(fullSpec(), true);
    ReconcileOutcome<EcsServiceState> initialCount =
        reconcileAndRemember(spec(fullSpecYaml() + "desiredCount: 2\n"), true);

    assertThat(unset.state()).as(unset.message()).isEqualTo(State.READY);
    assertThat(initialCount.state()).as(initialCount.message()).isEqualTo(State.READY);
    assertThat(initialCount.notices()).as("the spec's count is only the initial one").isEmpty();
    assertThat(calls.writes()).isEmpty();
    assertThat(describe().desiredCount()).isEqualTo(5);
  }

  @Test
  void changingAPolicyIsOnePutScalingPolicy() {
    reconcileAndRemember(fullSpec(), false);
    calls.reset();

    ReconcileOutcome<EcsServiceState> outcome =
        reconcileAndRemember(
            spec(fullSpecYaml().replace("targetValue: 60", "targetValue: 45")), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices())
        .extracting(Notice::message)
        .containsExactly("updated autoScaling.targetTrackingPolicies[cpu].targetValue");
    assertThat(calls.writes()).isEqualTo(Map.of("PutScalingPolicy", 1));
    assertThat(inAws.policies().get("cpu").targetTrackingScalingPolicyConfiguration().targetValue())
        .isEqualTo(45.0);
  }

  @Test
  void aServiceChangeAndAScalingChangeTogetherAreOneUpdateServiceAndOneRegister() {
    reconcileAndRemember(fullSpec(), false);
    calls.reset();

    ReconcileOutcome<EcsServiceState> outcome =
        reconcileAndRemember(
            spec(
                fullSpecYaml()
                    .replace("maxCapacity: 6", "maxCapacity: 9")
                    .replace(
                        "launchType: FARGATE\n",
                        "launchType: FARGATE\nenableExecuteCommand: true\n")),
            false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateService", 1, "RegisterScalableTarget", 1));
    assertThat(describe().enableExecuteCommand()).isTrue();
    assertThat(inAws.target().maxCapacity()).isEqualTo(9);
    assertThat(outcome.actual().scaling().maxCapacity()).isEqualTo(9);
    assertThat(memory.scalableTargetArn()).isEqualTo(inAws.target().scalableTargetARN());
  }

  @Test
  void removingTheBlockDeregistersOurTargetAndThenAutoScalingIsNotRead() {
    reconcileAndRemember(fullSpec(), false);
    calls.reset();

    ReconcileOutcome<EcsServiceState> removed = reconcileAndRemember(spec(withoutScaling()), false);

    assertThat(removed.state()).as(removed.message()).isEqualTo(State.READY);
    assertThat(removed.notices())
        .extracting(Notice::message)
        .containsExactly("updated autoScaling");
    assertThat(calls.writes())
        .isEqualTo(Map.of("DeleteScalingPolicy", 2, "DeregisterScalableTarget", 1));
    assertThat(inAws.targets()).isEmpty();
    assertThat(inAws.policies()).isEmpty();
    assertThat(memory.scalableTargetArn()).isNull();
    clock.addAndGet(MAX_AGE.toNanos());
    calls.reset();

    reconcileAndRemember(spec(withoutScaling()), true);

    assertThat(calls.all()).isEqualTo(Map.of("DescribeServices", 1));
  }

  @Test
  void deletingTheServiceRemovesItsScalingFirst() {
    reconcileAndRemember(fullSpec(), false);
    List<String> order = new CopyOnWriteArrayList<>();
    AwsCallListener inOrder = (service, operation, outcome, duration) -> order.add(operation);

    DeleteOutcome deleted;
    try (AwsClientFactory recorded = bed.awsClients(inOrder)) {
      deleted =
          ReconcileEngine.delete(
              adapter(recorded, BatchedServiceReader.on(recorded, MAX_AGE), true), REF, fullSpec());
    }

    assertThat(deleted).isEqualTo(DeleteOutcome.DONE);
    assertThat(order.stream().filter(op -> !AwsCallCounter.isRead(op)).toList())
        .containsExactly(
            "DeleteScalingPolicy",
            "DeleteScalingPolicy",
            "DeregisterScalableTarget",
            "UpdateService",
            "DeleteService");
    assertThat(inAws.targets()).isEmpty();
    assertThat(inAws.policies()).isEmpty();
    Service service = describe();
    assertThat(service.status()).isEqualTo("INACTIVE");
    assertThat(service.desiredCount()).isZero();
  }

  @Test
  void aTargetSomeoneElseRegisteredOnOurServiceStallsItAndIsNeverTouched() {
    reconcileAndRemember(spec(withoutScaling()), false);
    String theirs =
        aas.registerScalableTarget(
                r ->
                    r.serviceNamespace(ServiceNamespace.ECS)
                        .scalableDimension("ecs:service:DesiredCount")
                        .resourceId(RESOURCE_ID)
                        .minCapacity(1)
                        .maxCapacity(3))
            .scalableTargetARN();
    calls.reset();

    ReconcileOutcome<EcsServiceState> outcome = reconcileAndRemember(fullSpec(), false);
    DeleteOutcome deleted = ReconcileEngine.delete(adapter(aws, reader, true), REF, fullSpec());

    assertThat(outcome.state()).isEqualTo(State.STALLED);
    assertThat(outcome.reason()).isEqualTo("ScalableTargetOwnedByOther");
    assertThat(outcome.message()).contains(theirs);
    assertThat(memory.scalableTargetArn()).isNull();
    assertThat(deleted).isEqualTo(DeleteOutcome.DONE);
    assertThat(calls.writes())
        .as("the service is deleted, their target left")
        .isEqualTo(Map.of("UpdateService", 1, "DeleteService", 1));
    assertThat(inAws.target().scalableTargetARN()).isEqualTo(theirs);
    assertThat(inAws.target().maxCapacity()).isEqualTo(3);
  }

  /** The spec without its autoScaling block, with a desiredCount instead. */
  private String withoutScaling() {
    return fullSpecYaml().substring(0, fullSpecYaml().indexOf("autoScaling:"))
        + "desiredCount: 2\ntags:\n  team: web\n";
  }

  /**
   * One reconcile with an adapter made the way the controller makes it, then what the controller's
   * status write keeps for the next one (nothing new after a retryable error).
   */
  private ReconcileOutcome<EcsServiceState> reconcileAndRemember(
      EcsServiceSpec spec, boolean specSeenBefore) {
    ReconcileOutcome<EcsServiceState> outcome =
        ReconcileEngine.reconcile(adapter(aws, reader, !specSeenBefore), REF, spec, specSeenBefore);
    EcsServiceState actual = outcome.actual();
    if (outcome.state() != State.RETRYING && actual != null) {
      memory =
          new ServiceMemory(
              actual.restartedAt(), actual.failedTaskDefinition(), actual.scalableTargetArn());
    }
    return outcome;
  }

  private EcsServiceAdapter adapter(
      AwsClientFactory clients, BatchedServiceReader serviceReader, boolean fresh) {
    return new EcsServiceAdapter(
        clients,
        serviceReader,
        new ResolvedService(
            "web",
            CLUSTER,
            "arn:aws:ecs:%s:123456789012:task-definition/web:1".formatted(bed.region())),
        memory,
        fresh);
  }

  private ServiceScaling scaling() {
    return new ServiceScaling(aws.forRegion(null), CLUSTER, "web");
  }

  private Service describe() {
    return ecs.describeServices(r -> r.cluster(CLUSTER).services("web")).services().get(0);
  }
}

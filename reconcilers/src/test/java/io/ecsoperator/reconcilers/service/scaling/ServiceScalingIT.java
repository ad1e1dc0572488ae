package io.ecsoperator.reconcilers.service.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.service.ServiceAutoScaling;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.testsupport.AdapterIT;
import io.ecsoperator.testsupport.AwsFaultProxy;
import io.ecsoperator.testsupport.ScalingInAws;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * ServiceScaling against moto, driven by the reconcile engine the way the EcsService adapter drives
 * it: what each autoScaling change costs in AWS calls, and that a scalable target this object did
 * not register is never touched. moto refuses a scalable target for an ECS service that does not
 * exist, so each test starts with a cluster, a task definition and a service of ours; a small
 * adapter over that service (below) plays the EcsService adapter's scaling part.
 */
class ServiceScalingIT
    extends AdapterIT<ServiceScalingIT.ScaledServiceSpec, ServiceScalingIT.ScaledService> {

  private static final String CLUSTER = "shop";
  private static final String SERVICE = "web";
  private static final String RESOURCE_ID = "service/shop/web";

  private static final String FULL_SPEC =
      """
      region: %s
      autoScaling:
        minCapacity: 1
        maxCapacity: 4
        targetTrackingPolicies:
          - policyName: cpu
            predefinedMetricType: ECSServiceAverageCPUUtilization
            targetValue: 60
          - policyName: memory
            predefinedMetricType: ECSServiceAverageMemoryUtilization
            targetValue: 75.5
            scaleInCooldown: 120
            scaleOutCooldown: 60
            disableScaleIn: true
      """;

  private ScalingHarness harness;
  private ApplicationAutoScalingClient aas;
  private ScalingInAws inAws;

  @Override
  protected ResourceAdapter<ScaledServiceSpec, ScaledService> newAdapter(AwsClientFactory aws) {
    harness = new ScalingHarness(aws);
    return harness;
  }

  @Override
  protected Class<ScaledServiceSpec> specClass() {
    return ScaledServiceSpec.class;
  }

  @Override
  protected String fullSpecYaml() {
    return FULL_SPEC.formatted(bed.region());
  }

  /** The service to scale, ours by its tags, as the EcsService adapter would have created it. */
  @BeforeEach
  void serviceOfOurs() {
    AwsClients clients = aws.forRegion(null);
    aas = clients.autoScaling();
    inAws = new ScalingInAws(aas, RESOURCE_ID);
    clients.ecs().createCluster(r -> r.clusterName(CLUSTER));
    clients
        .ecs()
        .registerTaskDefinition(
            r ->
                r.family(SERVICE)
                    .containerDefinitions(c -> c.name("app").image("nginx:1.27").memory(128)));
    clients
        .ecs()
        .createService(
            r ->
                r.cluster(CLUSTER)
                    .serviceName(SERVICE)
                    .taskDefinition(SERVICE)
                    .desiredCount(1)
                    .tags(
                        REF.ownershipTags().entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                            .toList()));
    calls.reset();
  }

  private ReconcileOutcome<ScaledService> reconcileAndRecord(
      ScaledServiceSpec spec, boolean specSeenBefore) {
    return harness.reconcileAndRecord(spec, specSeenBefore);
  }

  private ScaledServiceSpec withoutScaling() {
    return spec("region: " + bed.region() + "\n");
  }

  @Test
  void registeringIsOneTargetAndOnePolicyEachAndReadsBackWithoutChanges() {
    ReconcileOutcome<ScaledService> outcome = reconcileAndRecord(fullSpec(), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices()).extracting(Notice::reason).containsExactly("Updated");
    assertThat(calls.writes())
        .isEqualTo(Map.of("RegisterScalableTarget", 1, "PutScalingPolicy", 2));

    ScalableTarget target = inAws.target();
    assertThat(target.minCapacity()).isEqualTo(1);
    assertThat(target.maxCapacity()).isEqualTo(4);
    assertThat(harness.recordedTargetArn()).isEqualTo(target.scalableTargetARN());
    Map<String, ScalingPolicy> policies = inAws.policies();
    assertThat(policies).containsOnlyKeys("cpu", "memory");
    var cpu = policies.get("cpu").targetTrackingScalingPolicyConfiguration();
    assertThat(policies.get("cpu").policyType()).isEqualTo(PolicyType.TARGET_TRACKING_SCALING);
    assertThat(cpu.targetValue()).isEqualTo(60.0);
    assertThat(cpu.predefinedMetricSpecification().predefinedMetricType())
        .isEqualTo(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION);
    assertThat(cpu.scaleInCooldown()).isEqualTo(300);
    var memory = policies.get("memory").targetTrackingScalingPolicyConfiguration();
    assertThat(memory.targetValue()).isEqualTo(75.5);
    assertThat(memory.scaleInCooldown()).isEqualTo(120);
    assertThat(memory.scaleOutCooldown()).isEqualTo(60);
    assertThat(memory.disableScaleIn()).isTrue();

    assertThat(adapter.observe(REF, fullSpec()).changes().changes()).isEmpty();
    calls.reset();

    ReconcileOutcome<ScaledService> again = reconcileAndRecord(fullSpec(), true);

    assertThat(again.state()).isEqualTo(State.READY);
    assertThat(again.notices()).isEmpty();
    assertThat(calls.all())
        .isEqualTo(
            Map.of(
                "DescribeServices", 1, "DescribeScalableTargets", 1, "DescribeScalingPolicies", 1));
  }

  @Test
  void changingMaxCapacityIsOneRegisterScalableTarget() {
    reconcileAndRecord(fullSpec(), false);
    String arn = harness.recordedTargetArn();
    calls.reset();

    ReconcileOutcome<ScaledService> outcome =
        reconcileAndRecord(spec(fullSpecYaml().replace("maxCapacity: 4", "maxCapacity: 8")), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("RegisterScalableTarget", 1));
    assertThat(inAws.target().maxCapacity()).isEqualTo(8);
    assertThat(inAws.target().scalableTargetARN()).isEqualTo(arn);
    assertThat(harness.recordedTargetArn()).isEqualTo(arn);
  }

  @Test
  void changingAPolicyTargetIsOnePutScalingPolicy() {
    reconcileAndRecord(fullSpec(), false);
    calls.reset();

    ReconcileOutcome<ScaledService> outcome =
        reconcileAndRecord(
            spec(fullSpecYaml().replace("targetValue: 60", "targetValue: 45")), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("PutScalingPolicy", 1));
    assertThat(inAws.policies().get("cpu").targetTrackingScalingPolicyConfiguration().targetValue())
        .isEqualTo(45.0);
  }

  @Test
  void droppingAPolicyIsOneDeleteScalingPolicy() {
    reconcileAndRecord(fullSpec(), false);
    calls.reset();
    String full = fullSpecYaml();
    String withoutMemory = full.substring(0, full.indexOf("    - policyName: memory"));
    assertThat(withoutMemory).contains("policyName: cpu").doesNotContain("memory");

    ReconcileOutcome<ScaledService> outcome = reconcileAndRecord(spec(withoutMemory), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("DeleteScalingPolicy", 1));
    assertThat(inAws.policies()).containsOnlyKeys("cpu");
  }

  @Test
  void removingTheBlockDeletesThePoliciesAndDeregistersTheTarget() {
    reconcileAndRecord(fullSpec(), false);
    calls.reset();

    ReconcileOutcome<ScaledService> outcome = reconcileAndRecord(withoutScaling(), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices())
        .extracting(Notice::message)
        .containsExactly("updated autoScaling");
    assertThat(calls.writes())
        .isEqualTo(Map.of("DeleteScalingPolicy", 2, "DeregisterScalableTarget", 1));
    assertThat(inAws.targets()).isEmpty();
    assertThat(inAws.policies()).isEmpty();
    assertThat(harness.recordedTargetArn()).isNull();
    calls.reset();

    reconcileAndRecord(withoutScaling(), true);

    // Nothing registered and nothing declared: Application Auto Scaling is not even read.
    assertThat(calls.all()).isEqualTo(Map.of("DescribeServices", 1));
  }

  @Test
  void aCapacityChangedOutsideIsCorrectedAtTheNextDriftCheck() {
    reconcileAndRecord(fullSpec(), false);
    registerDirectly(1, 10);
    calls.reset();

    ReconcileOutcome<ScaledService> outcome = reconcileAndRecord(fullSpec(), true);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices())
        .extracting(Notice::message)
        .containsExactly("corrected changes made outside the operator: autoScaling.maxCapacity");
    assertThat(calls.writes()).isEqualTo(Map.of("RegisterScalableTarget", 1));
    assertThat(inAws.target().maxCapacity()).isEqualTo(4);
  }

  @Test
  void aTargetDeregisteredOutsideIsRegisteredAgainAndTheNewOneIsOurs() {
    reconcileAndRecord(fullSpec(), false);
    String first = harness.recordedTargetArn();
    deletePolicyDirectly("cpu");
    deletePolicyDirectly("memory");
    aas.deregisterScalableTarget(
        r ->
            r.serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .resourceId(RESOURCE_ID));
    calls.reset();

    ReconcileOutcome<ScaledService> outcome = reconcileAndRecord(fullSpec(), true);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes())
        .isEqualTo(Map.of("RegisterScalableTarget", 1, "PutScalingPolicy", 2));
    assertThat(harness.recordedTargetArn())
        .isEqualTo(inAws.target().scalableTargetARN())
        .isNotEqualTo(first);
  }

  @Test
  void aTargetRegisteredByOthersIsNeverTouched() {
    String theirs = registerDirectly(2, 3);
    putPolicyDirectly("theirs", 50.0);
    calls.reset();

    ReconcileOutcome<ScaledService> declared = reconcileAndRecord(fullSpec(), false);

    assertThat(declared.state()).isEqualTo(State.STALLED);
    assertThat(declared.reason()).isEqualTo("ScalableTargetOwnedByOther");
    assertThat(declared.message()).contains(theirs).contains("spec.adopt");
    assertThat(calls.writes()).isEmpty();
    assertThat(harness.recordedTargetArn()).isNull();

    ReconcileOutcome<ScaledService> undeclared = reconcileAndRecord(withoutScaling(), false);

    assertThat(undeclared.state()).as(undeclared.message()).isEqualTo(State.READY);
    DeleteOutcome deleted = ReconcileEngine.delete(adapter, REF, withoutScaling());
    assertThat(deleted.progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(calls.writes()).isEmpty();
    ScalableTarget target = inAws.target();
    assertThat(target.scalableTargetARN()).isEqualTo(theirs);
    assertThat(target.minCapacity()).isEqualTo(2);
    assertThat(target.maxCapacity()).isEqualTo(3);
    assertThat(inAws.policies()).containsOnlyKeys("theirs");
  }

  @Test
  void adoptTakesOverATargetRegisteredByOthers() {
    String theirs = registerDirectly(2, 3);
    putPolicyDirectly("theirs", 50.0);
    calls.reset();
    String adopting = fullSpecYaml() + "adopt: true\n";

    ReconcileOutcome<ScaledService> outcome = reconcileAndRecord(spec(adopting), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes())
        .isEqualTo(
            Map.of("RegisterScalableTarget", 1, "PutScalingPolicy", 2, "DeleteScalingPolicy", 1));
    assertThat(inAws.target().scalableTargetARN()).isEqualTo(theirs);
    assertThat(inAws.target().maxCapacity()).isEqualTo(4);
    assertThat(inAws.policies()).containsOnlyKeys("cpu", "memory");
    assertThat(harness.recordedTargetArn()).isEqualTo(theirs);
    calls.reset();

    reconcileAndRecord(spec("adopt: true\nregion: " + bed.region() + "\n"), false);

    assertThat(calls.writes())
        .isEqualTo(Map.of("DeleteScalingPolicy", 2, "DeregisterScalableTarget", 1));
    assertThat(inAws.targets()).isEmpty();
  }

  /**
   * AWS refuses a policy of a target this reconcile has just registered (a wrong ALB resource
   * label, say): the target's ARN would never reach the status, and the next reconcile would take
   * the target for someone else's and stall for good. The new target is deregistered again instead.
   */
  @Test
  void aNewTargetWhosePolicyIsRefusedIsDeregisteredAgainSoTheNextReconcileOwnsIt() {
    String refusal = "The target value is not valid for this metric";
    try (AwsFaultProxy proxy = AwsFaultProxy.inFrontOf(bed.awsEndpoint());
        AwsClientFactory throughProxy = bed.awsClients(calls, proxy.endpoint())) {
      ScalingHarness scaler = new ScalingHarness(throughProxy);
      StubMapping refused =
          proxy.failWith(
              "AnyScaleFrontendService.PutScalingPolicy",
              "\"PolicyName\":\"memory\"",
              400,
              "ValidationException",
              refusal);

      ReconcileOutcome<ScaledService> first = scaler.reconcileAndRecord(fullSpec(), false);

      assertThat(first.state()).isEqualTo(State.STALLED);
      assertThat(first.message()).isEqualTo(refusal);
      assertThat(inAws.targets()).as("the new target is not left behind").isEmpty();
      assertThat(inAws.policies()).as("nor the policy put before the refused one").isEmpty();

      proxy.heal(refused);
      calls.reset();
      ReconcileOutcome<ScaledService> second = scaler.reconcileAndRecord(fullSpec(), false);

      assertThat(second.state()).as(second.message()).isEqualTo(State.READY);
      assertThat(calls.writes())
          .isEqualTo(Map.of("RegisterScalableTarget", 1, "PutScalingPolicy", 2));
      assertThat(scaler.recordedTargetArn()).isEqualTo(inAws.target().scalableTargetARN());
    }
  }

  @Test
  void deletingTheServiceRemovesOurTargetFirst() {
    reconcileAndRecord(fullSpec(), false);
    calls.reset();

    DeleteOutcome outcome = ReconcileEngine.delete(adapter, REF, fullSpec());

    assertThat(outcome.progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(calls.writes())
        .isEqualTo(Map.of("DeleteScalingPolicy", 2, "DeregisterScalableTarget", 1));
    assertThat(inAws.targets()).isEmpty();
    assertThat(inAws.policies()).isEmpty();
  }

  /** RegisterScalableTarget as someone else would call it; returns the target's ARN. */
  private String registerDirectly(int min, int max) {
    return aas.registerScalableTarget(
            r ->
                r.serviceNamespace(ServiceNamespace.ECS)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .resourceId(RESOURCE_ID)
                    .minCapacity(min)
                    .maxCapacity(max))
        .scalableTargetARN();
  }

  private void putPolicyDirectly(String name, double targetValue) {
    aas.putScalingPolicy(
        r ->
            r.serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .resourceId(RESOURCE_ID)
                .policyName(name)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(
                    c ->
                        c.targetValue(targetValue)
                            .predefinedMetricSpecification(
                                m ->
                                    m.predefinedMetricType(
                                        MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
  }

  private void deletePolicyDirectly(String name) {
    aas.deleteScalingPolicy(
        r ->
            r.serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .resourceId(RESOURCE_ID)
                .policyName(name));
  }

  /** The part of an EcsService spec this test needs. */
  public static class ScaledServiceSpec extends ManagedSpec {
    public ServiceAutoScaling autoScaling;
  }

  /** The service as the harness observes it: its tags and its scaling. */
  record ScaledService(Map<String, String> tags, ScalingState scaling) {}

  /**
   * The EcsService adapter's scaling part over an existing service: observe reads the service and,
   * when needed, its scaling; update applies the scaling; delete removes it. The registered
   * target's ARN lives here between reconciles, as it lives in the object's status.
   */
  private static final class ScalingHarness
      implements ResourceAdapter<ScaledServiceSpec, ScaledService> {

    private final AwsClientFactory aws;
    private String recordedTargetArn;

    ScalingHarness(AwsClientFactory aws) {
      this.aws = aws;
    }

    String recordedTargetArn() {
      return recordedTargetArn;
    }

    private ScalingOwner owner(ResourceRef ref, ScaledServiceSpec spec) {
      return new ScalingOwner(ref, recordedTargetArn, spec.adoptExisting());
    }

    private ServiceScaling scaling(ScaledServiceSpec spec) {
      return new ServiceScaling(aws.forRegion(spec.region), CLUSTER, SERVICE);
    }

    @Override
    public Observation<ScaledService> observe(ResourceRef ref, ScaledServiceSpec spec) {
      AwsClients clients = aws.forRegion(spec.region);
      Service service =
          clients
              .ecs()
              .describeServices(
                  r -> r.cluster(CLUSTER).services(SERVICE).include(ServiceField.TAGS))
              .services()
              .stream()
              .filter(s -> "ACTIVE".equals(s.status()))
              .findFirst()
              .orElse(null);
      if (service == null) {
        return Observation.absent();
      }
      Map<String, String> tags =
          service.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
      ScalingOwner owner = owner(ref, spec);
      ScalingState scaling =
          ServiceScaling.needsRead(spec.autoScaling, owner) ? scaling(spec).read() : null;
      return new Observation<>(
          new ScaledService(tags, scaling),
          ref.ownershipOf(tags),
          ScalingDiff.diff(spec.autoScaling, scaling, owner));
    }

    @Override
    public CreateResult<ScaledService> create(ResourceRef ref, ScaledServiceSpec spec) {
      throw new IllegalStateException("the test creates the service");
    }

    @Override
    public void adopt(ResourceRef ref, ScaledService actual) {
      throw new IllegalStateException("the test's service is ours");
    }

    @Override
    public ScaledService update(
        ResourceRef ref, ScaledServiceSpec spec, Observation<ScaledService> observation) {
      ScalingOwner owner =
          scaling(spec).apply(spec.autoScaling, observation.actual().scaling(), owner(ref, spec));
      recordedTargetArn = owner.registeredTargetArn();
      return observe(ref, spec).actual();
    }

    @Override
    public DeleteOutcome delete(ResourceRef ref, ScaledServiceSpec spec, ScaledService actual) {
      ScalingState scaling = scaling(spec).read();
      scaling(spec).remove(scaling, owner(ref, spec));
      recordedTargetArn = null;
      return DeleteOutcome.DONE;
    }

    /** Reconciles, then keeps what the controller would write to status. */
    ReconcileOutcome<ScaledService> reconcileAndRecord(
        ScaledServiceSpec spec, boolean specSeenBefore) {
      ReconcileOutcome<ScaledService> outcome =
          ReconcileEngine.reconcile(this, REF, spec, specSeenBefore);
      statusWritten(spec, outcome.actual());
      return outcome;
    }

    /** What the controller's status write keeps of the outcome. */
    private void statusWritten(ScaledServiceSpec spec, ScaledService actual) {
      recordedTargetArn =
          new ScalingOwner(REF, recordedTargetArn, spec.adoptExisting())
              .targetArnToRecord(spec.autoScaling, actual == null ? null : actual.scaling());
    }
  }
}

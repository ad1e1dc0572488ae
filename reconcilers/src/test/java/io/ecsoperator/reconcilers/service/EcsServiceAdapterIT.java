package io.ecsoperator.reconcilers.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.CreateRace;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.tags.EcsTags;
import io.ecsoperator.testsupport.AdapterIT;
import io.ecsoperator.testsupport.AwsCallCounter;
import io.ecsoperator.testsupport.MotoNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.ThresholdConfiguration;

/**
 * The service adapter and the reconcile engine against moto (DESIGN §3, §6, §7): what each change
 * costs in AWS calls, desiredCount ownership, forced deployments, immutable fields, deletion and
 * the batching of drift checks. moto runs with MOTO_ECS_SERVICE_RUNNING=10: every service reports
 * 10 running tasks and a COMPLETED rollout when it wants at most 10. What moto cannot show (failed
 * rollouts, DRAINING services, AWS's defaults) is in the unit tests.
 */
class EcsServiceAdapterIT extends AdapterIT<EcsServiceSpec, EcsServiceState> {

  private static final String CLUSTER = "shop";
  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  /** Every field moto keeps on CreateService. */
  private static final String FULL_SPEC =
      """
      serviceName: web
      cluster: shop
      taskDefinition: web:1
      region: %s
      desiredCount: 2
      launchType: FARGATE
      platformVersion: 1.4.0
      networkConfiguration:
        awsvpcConfiguration:
          subnets: [%s]
          securityGroups: [%s]
          assignPublicIp: DISABLED
      loadBalancers:
        - targetGroupArn: arn:aws:elasticloadbalancing:%s:123456789012:targetgroup/web-tg/6d0ecf831eec9f09
          containerName: web
          containerPort: 8080
      serviceRegistries:
        - registryArn: arn:aws:servicediscovery:%s:123456789012:service/srv-6rdwd3vxjsypb4vr
      deploymentController: {type: ECS}
      propagateTags: SERVICE
      tags:
        team: web
        stage: prod
      """;

  /** Fields moto drops on CreateService, though UpdateService sets them. */
  private static final String FIELDS_MOTO_DROPS_ON_CREATE =
      """
      deploymentConfiguration:
        deploymentCircuitBreaker:
          enable: true
          rollback: true
          resetOnHealthyTask: false
          thresholdConfiguration: {type: COUNT, value: 5}
        maximumPercent: 150
      placementConstraints: [{type: distinctInstance}]
      healthCheckGracePeriodSeconds: 30
      enableExecuteCommand: true
      availabilityZoneRebalancing: ENABLED
      """;

  /** Service Connect with a test traffic rule for blue/green deployments. */
  private static final String SERVICE_CONNECT =
      """
      serviceConnectConfiguration:
        enabled: true
        namespace: shop
        services:
          - portName: http
            discoveryName: web
            clientAliases:
              - port: 80
                dnsName: web.shop
                testTrafficRules: {header: {name: x-canary, value: {exact: "%s"}}}
      """;

  private final AtomicLong clock = new AtomicLong();
  private BatchedServiceReader reader;
  private EcsClient ecs;
  private MotoNetwork network;

  @Override
  protected ResourceAdapter<EcsServiceSpec, EcsServiceState> newAdapter(AwsClientFactory aws) {
    reader = BatchedServiceReader.on(aws, MAX_AGE, clock::get);
    return adapter("web", 1, ServiceMemory.NONE, true);
  }

  @Override
  protected Class<EcsServiceSpec> specClass() {
    return EcsServiceSpec.class;
  }

  /** The full spec, with a subnet and a security group made in moto on first use. */
  @Override
  protected String fullSpecYaml() {
    if (network == null) {
      network = MotoNetwork.create(bed, 1);
    }
    String region = bed.region();
    return FULL_SPEC.formatted(region, network.subnet(), network.securityGroup(), region, region);
  }

  @BeforeEach
  void clusterAndTaskDefinitions() {
    ecs = aws.forRegion(null).ecs();
    ecs.createCluster(r -> r.clusterName(CLUSTER));
    registerRevision("web");
    registerRevision("web");
    calls.reset();
  }

  @Test
  void createIsOneCallAndTheNextReconcileOneReadAndNoWrite() {
    EcsServiceSpec spec = fullSpec();

    ReconcileOutcome<EcsServiceState> created = reconcile(spec, false);

    assertThat(created.state()).as(created.message()).isEqualTo(State.READY);
    assertThat(created.notices()).extracting(Notice::reason).containsExactly("Created");
    assertThat(calls.writes()).isEqualTo(Map.of("CreateService", 1));
    Service service = describe("web");
    assertThat(service.taskDefinition()).isEqualTo(taskDefinitionArn("web", 1));
    assertThat(service.desiredCount()).isEqualTo(2);
    assertThat(service.launchTypeAsString()).isEqualTo("FARGATE");
    assertThat(service.networkConfiguration().awsvpcConfiguration().subnets())
        .containsExactly(network.subnet());
    assertThat(service.loadBalancers()).hasSize(1);
    assertThat(service.propagateTagsAsString()).isEqualTo("SERVICE");
    assertThat(EcsTags.of(service.tags()))
        .isEqualTo(
            Map.of(
                "team", "web", "stage", "prod", OWNER_TAG, "ns/name", ResourceRef.UID_TAG, "uid"));
    assertThat(created.actual().arn()).isEqualTo(service.serviceArn());

    calls.reset();
    ReconcileOutcome<EcsServiceState> again =
        ReconcileEngine.reconcile(adapter("web", 1, ServiceMemory.NONE, false), REF, spec, true);

    assertThat(again.state()).isEqualTo(State.READY);
    assertThat(again.notices()).isEmpty();
    assertThat(calls.all()).isEqualTo(Map.of("DescribeServices", 1));
  }

  @Test
  void fieldsMotoDropsOnCreateAreSetByOneUpdateServiceAndThenStay() {
    EcsServiceSpec spec = spec(fullSpecYaml() + FIELDS_MOTO_DROPS_ON_CREATE);
    reconcile(spec, false);
    calls.reset();

    ReconcileOutcome<EcsServiceState> corrected = reconcile(spec, true);
    ReconcileOutcome<EcsServiceState> settled = reconcile(spec, true);

    assertThat(corrected.state()).as(corrected.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateService", 1));
    assertThat(settled.notices()).isEmpty();
    Service service = describe("web");
    assertThat(service.deploymentConfiguration().maximumPercent()).isEqualTo(150);
    assertThat(service.deploymentConfiguration().deploymentCircuitBreaker().rollback()).isTrue();
    assertThat(service.deploymentConfiguration().deploymentCircuitBreaker().resetOnHealthyTask())
        .isFalse();
    assertThat(
            service.deploymentConfiguration().deploymentCircuitBreaker().thresholdConfiguration())
        .isEqualTo(ThresholdConfiguration.builder().type("COUNT").value(5).build());
    assertThat(service.placementConstraints()).hasSize(1);
    assertThat(service.healthCheckGracePeriodSeconds()).isEqualTo(30);
    assertThat(service.enableExecuteCommand()).isTrue();
    assertThat(service.availabilityZoneRebalancingAsString()).isEqualTo("ENABLED");
  }

  @Test
  void serviceConnectTestTrafficRulesRoundTripAndAChangedRuleIsOneUpdateService() {
    EcsServiceSpec spec = spec(fullSpecYaml() + SERVICE_CONNECT.formatted("true"));
    reconcile(spec, false);
    calls.reset();

    ReconcileOutcome<EcsServiceState> again = reconcile(spec, true);

    assertThat(again.notices()).as("no drift against what ECS reports").isEmpty();
    assertThat(calls.writes()).isEmpty();
    assertThat(testTrafficHeaderValue()).isEqualTo("true");

    EcsServiceSpec changed = spec(fullSpecYaml() + SERVICE_CONNECT.formatted("yes"));
    ReconcileOutcome<EcsServiceState> updated = reconcile(changed, true);
    ReconcileOutcome<EcsServiceState> settled = reconcile(changed, true);

    assertThat(updated.state()).as(updated.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateService", 1));
    assertThat(settled.notices()).isEmpty();
    assertThat(testTrafficHeaderValue()).isEqualTo("yes");
  }

  @Test
  void anOutOfBandChangeIsCorrectedByOneUpdateServiceAtTheNextDriftCheck() {
    EcsServiceSpec spec = fullSpec();
    reconcile(spec, false);
    ecs.updateService(r -> r.cluster(CLUSTER).service("web").desiredCount(5).propagateTags("NONE"));
    clock.addAndGet(MAX_AGE.toNanos());
    calls.reset();

    ReconcileOutcome<EcsServiceState> outcome =
        ReconcileEngine.reconcile(adapter("web", 1, ServiceMemory.NONE, false), REF, spec, true);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.reason()).isEqualTo("DriftCorrected");
              assertThat(n.message()).contains("desiredCount").contains("propagateTags");
            });
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateService", 1));
    Service service = describe("web");
    assertThat(service.desiredCount()).isEqualTo(2);
    assertThat(service.propagateTagsAsString()).isEqualTo("SERVICE");
  }

  @Test
  void anOutOfBandTagChangeIsCorrectedWithTheTaggingApisOnly() {
    EcsServiceSpec spec = fullSpec();
    reconcile(spec, false);
    String arn = describe("web").serviceArn();
    ecs.untagResource(r -> r.resourceArn(arn).tagKeys("stage"));
    ecs.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("extra").value("x")));
    calls.reset();

    reconcile(spec, true);

    assertThat(calls.writes()).isEqualTo(Map.of("TagResource", 1, "UntagResource", 1));
    assertThat(EcsTags.of(describe("web").tags()))
        .containsEntry("stage", "prod")
        .doesNotContainKey("extra")
        .containsEntry(OWNER_TAG, "ns/name");
  }

  @Test
  void aNewTaskDefinitionRevisionIsOneUpdateService() {
    reconcile(fullSpec(), false);
    calls.reset();

    ReconcileOutcome<EcsServiceState> outcome =
        ReconcileEngine.reconcile(
            adapter("web", 2, ServiceMemory.NONE, true),
            REF,
            spec(fullSpecYaml().replace("web:1", "web:2")),
            false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices())
        .extracting(Notice::message)
        .containsExactly("updated taskDefinition");
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateService", 1));
    assertThat(describe("web").taskDefinition()).isEqualTo(taskDefinitionArn("web", 2));
    assertThat(outcome.actual().taskDefinition()).isEqualTo(taskDefinitionArn("web", 2));
  }

  @Test
  void theStateUpdateServiceLeavesTracksTheDeploymentItStarted() {
    String blueGreen = fullSpecYaml() + "deploymentConfiguration: {strategy: BLUE_GREEN}\n";
    ReconcileOutcome<EcsServiceState> created = reconcile(spec(blueGreen), false);
    String first = describe("web").currentServiceDeployment();
    assertThat(created.actual().rollout().deployment().serviceDeploymentArn()).isEqualTo(first);

    ReconcileOutcome<EcsServiceState> updated =
        ReconcileEngine.reconcile(
            adapter("web", 2, ServiceMemory.NONE, true),
            REF,
            spec(blueGreen.replace("web:1", "web:2")),
            false);

    String second = describe("web").currentServiceDeployment();
    assertThat(second).isNotEqualTo(first);
    assertThat(updated.actual().rollout())
        .as("the status names the new deployment from the update on")
        .isNotNull();
    assertThat(updated.actual().rollout().deployment().serviceDeploymentArn()).isEqualTo(second);
    assertThat(updated.actual().rollout().deployment().targetServiceRevision().arn()).isNotNull();
  }

  @Test
  void eachNewRestartedAtForcesExactlyOneNewDeployment() {
    String first = fullSpecYaml() + "restartedAt: \"2025-03-15T10:00:00Z\"\n";
    String second = fullSpecYaml() + "restartedAt: \"2025-03-16T10:00:00Z\"\n";
    ReconcileOutcome<EcsServiceState> created = reconcile(spec(first), false);
    assertThat(created.actual().restartedAt())
        .as("a new service needs no restart")
        .isEqualTo("2025-03-15T10:00:00Z");
    String deployment = primaryDeployment();
    ServiceMemory remembered = new ServiceMemory(created.actual().restartedAt(), null, null);
    calls.reset();

    ReconcileOutcome<EcsServiceState> resync =
        ReconcileEngine.reconcile(adapter("web", 1, remembered, false), REF, spec(first), true);
    assertThat(calls.writes()).as("the same restartedAt again").isEmpty();
    ReconcileOutcome<EcsServiceState> restarted =
        ReconcileEngine.reconcile(adapter("web", 1, remembered, true), REF, spec(second), false);
    ServiceMemory afterRestart = new ServiceMemory(restarted.actual().restartedAt(), null, null);
    ReconcileOutcome<EcsServiceState> again =
        ReconcileEngine.reconcile(adapter("web", 1, afterRestart, false), REF, spec(second), true);

    assertThat(resync.notices()).isEmpty();
    assertThat(restarted.notices())
        .extracting(Notice::message)
        .containsExactly("updated restartedAt");
    assertThat(again.notices()).isEmpty();
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateService", 1));
    assertThat(afterRestart.restartedAt()).isEqualTo("2025-03-16T10:00:00Z");
    assertThat(primaryDeployment()).as("a new deployment").isNotEqualTo(deployment);
  }

  @Test
  void aDesiredCountTheSpecLeavesOutIsNotReverted() {
    EcsServiceSpec unset = spec(fullSpecYaml().replace("desiredCount: 2\n", ""));
    reconcile(unset, false);
    assertThat(describe("web").desiredCount()).as("starts at 1").isEqualTo(1);
    ecs.updateService(r -> r.cluster(CLUSTER).service("web").desiredCount(4));
    calls.reset();

    reconcile(unset, true);

    assertThat(calls.writes()).isEmpty();
    assertThat(describe("web").desiredCount()).isEqualTo(4);
  }

  @Test
  void aChangedCreateOnlyFieldStallsNamingItWithoutWriting() {
    reconcile(fullSpec(), false);
    calls.reset();

    ReconcileOutcome<EcsServiceState> outcome =
        reconcile(spec(fullSpecYaml().replace("launchType: FARGATE", "launchType: EC2")), false);

    assertThat(outcome.state()).isEqualTo(State.STALLED);
    assertThat(outcome.reason()).isEqualTo("ImmutableField");
    assertThat(outcome.message()).isEqualTo("AWS cannot change launchType after creation");
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void anUnownedServiceIsLeftAloneUntilAdoptedThenTagged() {
    createOutsideTheOperator(Map.of());
    EcsServiceSpec spec = spec("cluster: shop\ntaskDefinition: web:1\ndesiredCount: 2\n");
    calls.reset();

    ReconcileOutcome<EcsServiceState> refused = reconcile(spec, false);
    assertThat(calls.writes()).isEmpty();
    ReconcileOutcome<EcsServiceState> adopted =
        reconcile(
            spec("cluster: shop\ntaskDefinition: web:1\ndesiredCount: 2\nadopt: true\n"), false);

    assertThat(refused.state()).isEqualTo(State.STALLED);
    assertThat(refused.reason()).isEqualTo("AlreadyExists");
    assertThat(adopted.state()).as(adopted.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("TagResource", 1));
    assertThat(EcsTags.of(describe("web").tags())).containsEntry(OWNER_TAG, "ns/name");
  }

  @Test
  void deletionScalesToZeroDeletesAndIsDoneOnceInactive() {
    reconcile(fullSpec(), false);
    calls.reset();

    DeleteOutcome deleted = ReconcileEngine.delete(adapter, REF, fullSpec());
    DeleteOutcome again = ReconcileEngine.delete(adapter, REF, fullSpec());

    assertThat(deleted).isEqualTo(DeleteOutcome.DONE);
    assertThat(again).isEqualTo(DeleteOutcome.DONE);
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateService", 1, "DeleteService", 1));
    Service service = describe("web");
    assertThat(service.status()).isEqualTo("INACTIVE");
    assertThat(service.desiredCount()).isZero();
  }

  @Test
  void aDrainingServiceIsWaitedForWithoutCalls() {
    reconcile(fullSpec(), false);
    EcsServiceState draining =
        new EcsServiceState(describe("web").toBuilder().status("DRAINING").build(), null, null);
    calls.reset();

    DeleteOutcome outcome = adapter.delete(REF, fullSpec(), draining);

    assertThat(outcome.progress()).isEqualTo(DeleteOutcome.Progress.WAITING);
    assertThat(outcome.reason()).isEqualTo("ServiceDraining");
    assertThat(outcome.message()).isEqualTo("service web is DRAINING; waiting for INACTIVE");
    assertThat(calls.all()).isEmpty();
  }

  @Test
  void aDaemonServiceIsCreatedWithoutCountAndForceDeleted() {
    registerRevision("log-router");
    String daemonSpec =
        """
        cluster: shop
        taskDefinition: log-router:1
        launchType: EC2
        schedulingStrategy: DAEMON
        placementConstraints: [{type: memberOf, expression: "attribute:ecs.os-type == linux"}]
        """;
    ResourceAdapter<EcsServiceSpec, EcsServiceState> daemon =
        adapter("log-router", 1, ServiceMemory.NONE, true);
    calls.reset();

    ReconcileOutcome<EcsServiceState> created =
        ReconcileEngine.reconcile(daemon, REF, spec(daemonSpec), false);
    DeleteOutcome deleted = ReconcileEngine.delete(daemon, REF, spec(daemonSpec));

    assertThat(created.state()).as(created.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("CreateService", 1, "DeleteService", 1));
    assertThat(deleted).isEqualTo(DeleteOutcome.DONE);
    assertThat(describe("log-router").schedulingStrategyAsString()).isEqualTo("DAEMON");
  }

  @Test
  void aDriftPassOf20InSyncServicesOfOneClusterMakesTwoDescribeServicesCalls() {
    List<String> names = IntStream.rangeClosed(1, 20).mapToObj(i -> "svc-" + i).toList();
    for (String name : names) {
      ReconcileOutcome<EcsServiceState> created =
          ReconcileEngine.reconcile(
              adapter(name, 1, ServiceMemory.NONE, true), ref(name), serviceSpec(name), false);
      assertThat(created.state()).as(created.message()).isEqualTo(State.READY);
    }
    clock.addAndGet(MAX_AGE.toNanos());
    calls.reset();

    for (String name : names) {
      ReconcileOutcome<EcsServiceState> outcome =
          ReconcileEngine.reconcile(
              adapter(name, 1, ServiceMemory.NONE, false), ref(name), serviceSpec(name), true);
      assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    }

    assertThat(calls.all()).isEqualTo(Map.of("DescribeServices", 2));
  }

  @Test
  void aReadRightAfterOurOwnWriteIsNotAnAnswerFromBefore() {
    List<String> names = List.of("svc-1", "svc-2");
    for (String name : names) {
      ReconcileEngine.reconcile(
          adapter(name, 1, ServiceMemory.NONE, true), ref(name), serviceSpec(name), false);
    }
    clock.addAndGet(MAX_AGE.toNanos());
    ReconcileEngine.reconcile(
        adapter("svc-1", 1, ServiceMemory.NONE, false), ref("svc-1"), serviceSpec("svc-1"), true);
    EcsServiceSpec scaled =
        spec(serviceSpecYaml("svc-2").replace("desiredCount: 1", "desiredCount: 4"));

    ReconcileEngine.reconcile(
        adapter("svc-2", 1, ServiceMemory.NONE, true), ref("svc-2"), scaled, false);
    Observation<EcsServiceState> after =
        adapter("svc-2", 1, ServiceMemory.NONE, false).observe(ref("svc-2"), scaled);

    assertThat(after.actual().desiredCount()).isEqualTo(4);
    assertThat(after.changes().changes()).isEmpty();
  }

  @Test
  void aCreateServiceAwsRefusesAsNotIdempotentFindsOurServiceWithoutASecondOne() {
    WireMockServer wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wiremock.start();
    AwsCallCounter proxied = new AwsCallCounter();
    try (AwsClientFactory throughWireMock =
        bed.awsClients(proxied, java.net.URI.create(wiremock.baseUrl()))) {
      wiremock.stubFor(
          any(anyUrl())
              .atPriority(10)
              .willReturn(aResponse().proxiedFrom(bed.awsEndpoint().toString())));
      wiremock.stubFor(
          post(anyUrl())
              .withHeader(
                  "X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.CreateService"))
              .atPriority(1)
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withHeader("Content-Type", "application/x-amz-json-1.1")
                      .withBody(
                          Json.write(
                              Map.of(
                                  "__type", "InvalidParameterException",
                                  "message", "Creation of service was not idempotent.")))));
      // Our earlier CreateService reached AWS; only its response was lost.
      createOutsideTheOperator(REF.ownershipTags());
      EcsServiceAdapter viaWireMock =
          new EcsServiceAdapter(
              throughWireMock,
              BatchedServiceReader.on(throughWireMock, MAX_AGE),
              new ResolvedService("web", CLUSTER, taskDefinitionArn("web", 1)),
              ServiceMemory.NONE,
              true);

      EcsServiceState existing =
          ReconcileEngine.reconcile(
                  CreateRace.firstObserveMisses(viaWireMock),
                  REF,
                  spec("cluster: shop\ntaskDefinition: web:1\ndesiredCount: 2\n"),
                  false)
              .actual();

      assertThat(existing.arn()).isEqualTo(describe("web").serviceArn());
      assertThat(proxied.writes()).isEqualTo(Map.of("CreateService", 1));
      assertThat(proxied.all()).containsEntry("DescribeServices", 1);
    } finally {
      wiremock.stop();
    }
  }

  @Test
  void aPinnedRevisionIsDescribedOnceAndAFamilyEachTime() {
    TaskDefinitionRevisions revisions = new TaskDefinitionRevisions();

    for (int i = 0; i < 3; i++) {
      assertThat(revisions.revisionArn(aws.forRegion(null), "web:1"))
          .contains(taskDefinitionArn("web", 1));
      assertThat(revisions.revisionArn(aws.forRegion(null), "web"))
          .contains(taskDefinitionArn("web", 2));
      assertThat(revisions.revisionArn(aws.forRegion(null), taskDefinitionArn("web", 2)))
          .contains(taskDefinitionArn("web", 2));
    }
    assertThat(revisions.revisionArn(aws.forRegion(null), "nope")).isEmpty();
    assertThat(revisions.revisionArn(aws.forRegion(null), "web:9")).isEmpty();

    assertThat(calls.all()).isEqualTo(Map.of("DescribeTaskDefinition", 1 + 3 + 2));
  }

  private ResourceAdapter<EcsServiceSpec, EcsServiceState> adapter(
      String service, int revision, ServiceMemory memory, boolean fresh) {
    String family = service.startsWith("svc-") ? "web" : service;
    return new EcsServiceAdapter(
        aws,
        reader,
        new ResolvedService(service, CLUSTER, taskDefinitionArn(family, revision)),
        memory,
        fresh);
  }

  private static ResourceRef ref(String name) {
    return new ResourceRef("ns", name, "uid-" + name);
  }

  private String serviceSpecYaml(String name) {
    return "serviceName: %s\ncluster: shop\ntaskDefinition: web:1\ndesiredCount: 1\nregion: %s\n"
        .formatted(name, bed.region());
  }

  private EcsServiceSpec serviceSpec(String name) {
    return spec(serviceSpecYaml(name));
  }

  /** Service "web" made by someone else (or by a call of ours whose response was lost). */
  private void createOutsideTheOperator(Map<String, String> tags) {
    ecs.createService(
        r ->
            r.cluster(CLUSTER)
                .serviceName("web")
                .taskDefinition("web:1")
                .desiredCount(2)
                .launchType("FARGATE")
                .tags(EcsTags.toAws(tags)));
  }

  private void registerRevision(String family) {
    ecs.registerTaskDefinition(
        r ->
            r.family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE, Compatibility.EC2)
                .cpu("256")
                .memory("512")
                .containerDefinitions(c -> c.name(family).image("nginx:1.27").essential(true)));
  }

  private String taskDefinitionArn(String family, int revision) {
    return "arn:aws:ecs:%s:123456789012:task-definition/%s:%d"
        .formatted(bed.region(), family, revision);
  }

  private Service describe(String name) {
    return ecs.describeServices(r -> r.cluster(CLUSTER).services(name).include(ServiceField.TAGS))
        .services()
        .get(0);
  }

  /** The test traffic header value of the PRIMARY deployment's Service Connect alias. */
  private String testTrafficHeaderValue() {
    return describe("web").deployments().stream()
        .filter(d -> "PRIMARY".equals(d.status()))
        .findFirst()
        .orElseThrow()
        .serviceConnectConfiguration()
        .services()
        .get(0)
        .clientAliases()
        .get(0)
        .testTrafficRules()
        .header()
        .value()
        .exact();
  }

  private String primaryDeployment() {
    return describe("web").deployments().stream()
        .filter(d -> "PRIMARY".equals(d.status()))
        .findFirst()
        .orElseThrow()
        .id();
  }
}

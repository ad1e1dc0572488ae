package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.operator.testsupport.ArgoCd;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * EcsService end to end: the real API server, the operator and moto (every service reports 10
 * running tasks), driven with kubectl the way a user would, with the EcsCluster of {@code
 * examples/ecs-cluster.yaml}. Task definitions are registered in AWS by the test and named by
 * family, family:revision or ARN; {@link EcsServiceTaskDefinitionRefE2EIT} covers references to
 * EcsTaskDefinition objects.
 */
class EcsServiceE2EIT extends OperatorE2E {

  /** The cluster of examples/ecs-cluster.yaml, which the services of this class run in. */
  private static final String CLUSTER = "shop";

  /** A service of the test's own, with %s for its name and the task definition. */
  private static final String SERVICE =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsService
      metadata:
        name: %1$s
      spec:
        clusterRef:
          name: shop
        taskDefinition: %2$s
        desiredCount: 2
        launchType: FARGATE
        propagateTags: SERVICE
        tags:
          team: web
      """;

  private AwsClientFactory setup;
  private EcsClient ecs;

  EcsServiceE2EIT() {
    super("svc", new Example("daemon-service.yaml", "log-router", "serviceName", "log-router"));
  }

  @BeforeAll
  void clusterAndTaskDefinitions() throws IOException {
    setup = h.bed.awsClients(AwsCallListener.NONE);
    ecs = setup.forRegion(null).ecs();
    register("web");
    register("log-router");
    h.apply(Files.readString(h.bed.repoRoot().resolve("examples/ecs-cluster.yaml")))
        .assertSuccess("apply the cluster example");
    h.waitFor("condition=Ready", "ecscluster/shop", WAIT);
  }

  @AfterAll
  void closeSetupClients() {
    if (setup != null) {
      setup.close();
    }
  }

  @Test
  void theDaemonExampleGoesReadyInTheReferencedCluster() throws IOException {
    h.apply(exampleYaml()).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsservice/log-router", WAIT);

    KstatusAssert.live(h.bed, h.namespace, "ecsservice/log-router").hasGeneration(1).isReady();
    Service service = describe("log-router");
    assertThat(service.schedulingStrategyAsString()).isEqualTo("DAEMON");
    assertThat(service.launchTypeAsString()).isEqualTo("EC2");
    assertThat(service.taskDefinition()).endsWith("task-definition/log-router:1");
    assertThat(EcsTags.of(service.tags()))
        .containsEntry("team", "platform")
        .containsEntry("ecsoperator.io/owner", h.namespace + "/log-router");
    assertThat(h.get("ecsservice/log-router", ".status.arn")).isEqualTo(service.serviceArn());
    assertThat(h.get("ecsservice/log-router", ".status.clusterArn"))
        .isEqualTo(service.clusterArn());
    assertThat(h.get("ecsservice/log-router", ".status.rollout.rolloutState"))
        .isEqualTo("COMPLETED");
    assertThat(h.kubectl("get", "ecssvc", "log-router", "-o", "wide").stdout())
        .contains("in sync with AWS")
        .contains("COMPLETED")
        .contains(service.serviceArn());
    // moto drops these on CreateService (AWS keeps them): the next drift check sets them.
    await()
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(
            () -> {
              Service corrected = describe("log-router");
              assertThat(corrected.placementConstraints()).hasSize(1);
              assertThat(corrected.deploymentConfiguration().minimumHealthyPercent()).isZero();
              assertThat(corrected.enableECSManagedTags()).isTrue();
            });
  }

  @Test
  void aServiceWaitsForItsClusterObjectAndTaskDefinitionThenGoesReady() {
    h.apply(SERVICE.formatted("late", "late").replace("name: shop", "name: late-cluster"))
        .assertSuccess("apply");

    waitForReason("ecsservice/late", "Reconciling", "WaitingForDependency");
    assertThat(h.get("ecsservice/late", conditionMessage("Reconciling")))
        .isEqualTo("EcsCluster late-cluster does not exist");
    h.apply(
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsCluster
            metadata:
              name: late-cluster
            spec:
              clusterName: late-cluster
            """)
        .assertSuccess("apply the cluster");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(h.get("ecsservice/late", conditionMessage("Reconciling")))
                    .isEqualTo("task definition late does not exist in AWS"));
    assertThat(ecs.listServices(r -> r.cluster("late-cluster")).serviceArns()).isEmpty();

    register("late");

    h.waitFor("condition=Ready", "ecsservice/late", WAIT);
    KstatusAssert.live(h.bed, h.namespace, "ecsservice/late").isReady();
    assertThat(describeIn("late-cluster", "late").taskDefinition())
        .endsWith("task-definition/late:1");
  }

  @Test
  void aServiceWhoseNameIsTakenBehindAClusterThatIsTakenToldOfBothBlockers() {
    ecs.createCluster(r -> r.clusterName("taken-cluster"));
    ecs.createService(
        r ->
            r.cluster("taken-cluster")
                .serviceName("taken")
                .taskDefinition("web:1")
                .desiredCount(1)
                .launchType("FARGATE"));
    h.apply(
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsCluster
            metadata:
              name: taken-cluster
            spec: {}
            """)
        .assertSuccess("apply the cluster");
    h.apply(SERVICE.formatted("taken", "web:1").replace("name: shop", "name: taken-cluster"))
        .assertSuccess("apply");

    h.waitFor("condition=Stalled", "ecscluster/taken-cluster", WAIT);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(h.get("ecsservice/taken", conditionMessage("Stalled")))
                    .as("its own name, then the cluster it waits for")
                    .contains("an AWS resource of this name exists and is not managed by")
                    .contains(
                        "it also waits: EcsCluster taken-cluster is not Ready (AlreadyExists:"));
    KstatusAssert.live(h.bed, h.namespace, "ecsservice/taken").isStalled("AlreadyExists");
    assertThat(EcsTags.of(describeIn("taken-cluster", "taken").tags()))
        .doesNotContainKey("ecsoperator.io/owner");
  }

  @Test
  void aNewRevisionOfTheFamilyIsRolledOutAtTheNextDriftCheck() {
    register("api");
    h.apply(SERVICE.formatted("api", "api")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsservice/api", WAIT);
    assertThat(describe("api").taskDefinition()).endsWith("task-definition/api:1");

    String revision2 = register("api");

    await()
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(() -> assertThat(describe("api").taskDefinition()).isEqualTo(revision2));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(h.get("ecsservice/api", ".status.taskDefinition")).isEqualTo(revision2));
  }

  @Test
  void reApplyingTheSameYamlThreeTimesWritesNothingToAwsOrKubernetes() throws InterruptedException {
    String manifest = SERVICE.formatted("steady", "web:1");
    h.apply(manifest).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsservice/steady", WAIT);
    String resourceVersion = h.get("ecsservice/steady", ".metadata.resourceVersion");
    h.calls.reset();

    for (int i = 0; i < 3; i++) {
      h.apply(manifest).assertSuccess("re-apply " + i);
    }
    Thread.sleep(RESYNC.multipliedBy(2).toMillis());

    assertThat(h.calls.all()).as("the resyncs read AWS").containsKey("DescribeServices");
    assertThat(h.calls.writes()).as("AWS writes").isEmpty();
    assertThat(h.get("ecsservice/steady", ".metadata.resourceVersion"))
        .as("no Kubernetes write")
        .isEqualTo(resourceVersion);
  }

  @Test
  void anOutOfBandChangeIsCorrectedButNotTheScalersCount() {
    h.apply(SERVICE.formatted("drifted", "web:1")).assertSuccess("apply");
    h.apply(
            SERVICE
                .formatted("scaled", "web:1")
                .replace("desiredCount: 2", "autoScaling: {minCapacity: 2, maxCapacity: 8}"))
        .assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsservice/drifted", WAIT);
    h.waitFor("condition=Ready", "ecsservice/scaled", WAIT);

    ecs.updateService(r -> r.cluster(CLUSTER).service("drifted").desiredCount(6));
    ecs.updateService(r -> r.cluster(CLUSTER).service("scaled").desiredCount(6));

    await()
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(() -> assertThat(describe("drifted").desiredCount()).isEqualTo(2));
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(events("drifted")).contains("DriftCorrected"));
    assertThat(describe("scaled").desiredCount()).as("the scaler's count stays").isEqualTo(6);
    assertThat(events("scaled")).doesNotContain("DriftCorrected");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(h.get("ecsservice/scaled", ".status.desiredCount")).isEqualTo("6"));
  }

  @Test
  void eachNewRestartedAtStartsOneNewDeployment() throws InterruptedException {
    restartsOnce("restarted", live -> "{\"spec\":{\"restartedAt\":\"2025-03-15T10:00:00Z\"}}");
  }

  @Test
  void argoCdsRestartActionStartsOneNewDeployment() throws InterruptedException {
    // What Argo CD's API server does when the restart button is pressed: run the action on the
    // live object, then send the resulting merge patch to the API server.
    ArgoCd argoCd = ArgoCd.ofChart(h.bed.repoRoot());
    restartsOnce("argo-restarted", live -> argoCd.action(live, "restart").toString());
  }

  /** Applies a service, patches it with what it is given, and sees exactly one new deployment. */
  private void restartsOnce(String name, Function<JsonNode, String> restartPatch)
      throws InterruptedException {
    String object = "ecsservice/" + name;
    h.apply(SERVICE.formatted(name, "web:1")).assertSuccess("apply");
    h.waitFor("condition=Ready", object, WAIT);
    String before = h.get(object, ".status.rollout.deploymentId");
    String patch = restartPatch.apply(KstatusAssert.live(h.bed, h.namespace, object).object());
    h.calls.reset();

    h.kubectl("patch", object, "--type=merge", "-p", patch).assertSuccess("patch " + patch);
    String restartedAt = h.get(object, ".spec.restartedAt");
    assertThat(restartedAt).as("restartedAt set by " + patch).isNotEmpty();
    h.waitFor("jsonpath={.status.restartedAt}=" + restartedAt, object, WAIT);
    h.waitFor("condition=Ready", object, WAIT);
    Thread.sleep(RESYNC.multipliedBy(2).toMillis());

    assertThat(h.calls.writes()).isEqualTo(Map.of("UpdateService", 1));
    assertThat(h.get(object, ".status.rollout.deploymentId"))
        .as("a new deployment")
        .isNotEqualTo(before);
    KstatusAssert.live(h.bed, h.namespace, object).hasGeneration(2).isReady();
  }

  @Test
  void adoptingAServiceThatRunsWithAnotherLaunchTypeStallsNamingTheField() {
    ecs.createService(
        r ->
            r.cluster(CLUSTER)
                .serviceName("other-mode")
                .taskDefinition("web:1")
                .desiredCount(2)
                .launchType("EC2"));

    h.apply(SERVICE.formatted("other-mode", "web:1").replace("spec:\n", "spec:\n  adopt: true\n"))
        .assertSuccess("apply");

    h.waitFor("condition=Stalled", "ecsservice/other-mode", WAIT);
    KstatusAssert.live(h.bed, h.namespace, "ecsservice/other-mode").isStalled("ImmutableField");
    assertThat(h.get("ecsservice/other-mode", conditionMessage("Stalled")))
        .isEqualTo("AWS cannot change launchType after creation");
    assertThat(describe("other-mode").launchTypeAsString()).isEqualTo("EC2");
  }

  @Test
  void anExistingServiceIsObservedWithoutAnyWriteByTheAdoptionExample() throws IOException {
    ecs.createCluster(r -> r.clusterName("legacy"));
    register("legacy-api");
    ecs.createService(
        r ->
            r.cluster("legacy")
                .serviceName("legacy-api")
                .taskDefinition("legacy-api:1")
                .desiredCount(2)
                .launchType("FARGATE")
                .propagateTags("SERVICE")
                .tags(EcsTags.toAws(Map.of("team", "api"))));
    h.calls.reset();

    h.apply(Files.readString(h.bed.repoRoot().resolve("examples/adopt-existing-service.yaml")))
        .assertSuccess("apply the adoption example");

    h.waitFor("condition=Ready", "ecsservice/legacy-api", WAIT);
    assertThat(h.get("ecsservice/legacy-api", conditionMessage("Ready")))
        .isEqualTo("observe-only: AWS matches the spec");
    ecs.updateService(r -> r.cluster("legacy").service("legacy-api").desiredCount(3));
    waitForReason("ecsservice/legacy-api", "Ready", "DriftDetected");
    KstatusAssert.live(h.bed, h.namespace, "ecsservice/legacy-api").isDrifted();
    assertThat(h.get("ecsservice/legacy-api", ".status.drift[*].path")).isEqualTo("desiredCount");
    assertThat(h.calls.writes()).isEmpty();
    assertThat(EcsTags.of(describeIn("legacy", "legacy-api").tags()))
        .doesNotContainKey("ecsoperator.io/owner");
  }

  @Test
  void deletingAServiceScalesItDownAndWaitsUntilItIsInactive() {
    h.apply(SERVICE.formatted("gone", "web:1")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecsservice/gone", WAIT);

    h.kubectl("delete", "ecsservice/gone", "--timeout=60s").assertSuccess("delete");

    Service service = describe("gone");
    assertThat(service.status()).isEqualTo("INACTIVE");
    assertThat(service.desiredCount()).isZero();
    assertThat(events("gone")).contains("Deleted");
  }

  private String register(String family) {
    return ecs.registerTaskDefinition(
            r ->
                r.family(family)
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE, Compatibility.EC2)
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(c -> c.name(family).image("nginx:1.27")))
        .taskDefinition()
        .taskDefinitionArn();
  }

  private Service describe(String name) {
    return describeIn(CLUSTER, name);
  }

  private Service describeIn(String cluster, String name) {
    return ecs.describeServices(r -> r.cluster(cluster).services(name).include(ServiceField.TAGS))
        .services()
        .get(0);
  }
}

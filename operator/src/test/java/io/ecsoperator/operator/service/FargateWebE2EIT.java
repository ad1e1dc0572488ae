package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.testsupport.AwsFaultProxy;
import io.ecsoperator.testsupport.MotoNetwork;
import io.ecsoperator.testsupport.TestBed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The Fargate web example ({@code examples/fargate-web/}: an ECR repository, a Fargate cluster, a
 * task definition and an autoscaled service referring to both) end to end, applied, changed and
 * deleted with {@code kubectl -f} on the folder as a user would. The tests are one life of the
 * example, in order, each starting where the one before left it. moto reports 10 running tasks per
 * service. The operator reaches moto through an {@link AwsFaultProxy}, which refuses DeleteCluster
 * while the cluster has services, as AWS does and moto does not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FargateWebE2EIT extends OperatorE2E {

  private static final List<String> FILES =
      List.of("repository.yaml", "cluster.yaml", "task-definition.yaml", "service.yaml");
  private static final List<String> OBJECTS =
      List.of("ecrrepository/web", "ecscluster/web", "ecstaskdefinition/web", "ecsservice/web");

  /** The subnets and the security group the example names; a user puts theirs, the test moto's. */
  private static final List<String> EXAMPLE_SUBNETS =
      List.of("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788");

  private static final String EXAMPLE_SECURITY_GROUP = "sg-0123456789abcdef0";
  private static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0.0";
  private static final String NEW_IMAGE = IMAGE.replace(":1.0.0", ":1.1.0");
  private static final String RESOURCE_ID = "service/web/web";

  private final AwsFaultProxy proxy = AwsFaultProxy.inFrontOf(TestBed.get().awsEndpoint());
  private AwsClientFactory direct;
  private AwsClients aws;
  private MotoNetwork network;
  private Path manifests;

  FargateWebE2EIT() {
    super("fargate", new Example("fargate-web/service.yaml", "web", "serviceName", "web"));
  }

  @Override
  protected URI awsEndpoint() {
    return proxy.endpoint();
  }

  /** The example's folder as a user has it: with their network (here moto's) in the service. */
  @BeforeAll
  void networkAndManifests() throws IOException {
    direct = h.bed.awsClients(AwsCallListener.NONE);
    aws = direct.forRegion(null);
    network = MotoNetwork.create(h.bed, 2);
    manifests = Files.createTempDirectory("fargate-web");
    for (String file : FILES) {
      Files.writeString(manifests.resolve(file), withMotoNetwork(exampleFile(file)));
    }
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (direct != null) {
      direct.close();
    }
    proxy.close();
    if (manifests != null) {
      try (Stream<Path> files = Files.walk(manifests)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Test
  @Order(1)
  void theExampleGoesReady() {
    applyFolder();
    waitForAllReady();

    for (String object : OBJECTS) {
      KstatusAssert.live(h.bed, h.namespace, object).hasGeneration(1).isReady();
    }
    assertThat(IMAGE.replace(".eu-west-1.", "." + h.bed.region() + "."))
        .as("the image is the repository's")
        .isEqualTo(h.get("ecrrepository/web", ".status.repositoryUri") + ":1.0.0");
    Service service = service();
    assertThat(service.taskDefinition()).isEqualTo(revisionArn(1));
    assertThat(service.launchTypeAsString()).isEqualTo("FARGATE");
    assertThat(service.networkConfiguration().awsvpcConfiguration().subnets())
        .containsExactlyInAnyOrderElementsOf(network.subnets());
    assertThat(service.desiredCount()).as("starts at minCapacity").isEqualTo(2);
    assertThat(cluster().capacityProviders()).containsExactlyInAnyOrder("FARGATE", "FARGATE_SPOT");
    ScalableTarget target = target();
    assertThat(target.minCapacity()).isEqualTo(2);
    assertThat(target.maxCapacity()).isEqualTo(10);
    assertThat(policies()).containsOnlyKeys("cpu", "memory");
    assertThat(h.get("ecsservice/web", ".status.autoScaling.scalableTargetARN"))
        .isEqualTo(target.scalableTargetARN());
    assertThat(h.get("ecsservice/web", ".status.autoScaling.maxCapacity")).isEqualTo("10");
    // moto drops these on CreateService (AWS keeps them): the next drift check sets them.
    await()
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(
            () -> {
              Service corrected = service();
              assertThat(corrected.healthCheckGracePeriodSeconds()).isEqualTo(30);
              assertThat(corrected.deploymentConfiguration().deploymentCircuitBreaker().rollback())
                  .isTrue();
              assertThat(corrected.enableECSManagedTags()).isTrue();
            });
    waitForAllReady();
  }

  @Test
  @Order(2)
  void anImageChangeRegistersOneRevisionAndUpdatesTheServiceToIt() throws Exception {
    h.calls.reset();
    String taskDefinition = Files.readString(manifests.resolve("task-definition.yaml"));
    assertThat(taskDefinition).contains(IMAGE);
    Files.writeString(
        manifests.resolve("task-definition.yaml"), taskDefinition.replace(IMAGE, NEW_IMAGE));

    assertThat(applyFolder())
        .contains("ecstaskdefinition.ecsoperator.io/web configured")
        .contains("ecsservice.ecsoperator.io/web unchanged");

    h.waitFor("jsonpath={.status.taskDefinition}=" + revisionArn(2), "ecsservice/web", WAIT);
    waitForAllReady();
    Thread.sleep(RESYNC.multipliedBy(2).toMillis());
    assertThat(h.calls.writes()).isEqualTo(Map.of("RegisterTaskDefinition", 1, "UpdateService", 1));
    assertThat(service().taskDefinition()).isEqualTo(revisionArn(2));
    assertThat(taskDefinition(2).containerDefinitions().get(0).image()).isEqualTo(NEW_IMAGE);
    KstatusAssert.live(h.bed, h.namespace, "ecstaskdefinition/web").hasGeneration(2).isReady();
    KstatusAssert.live(h.bed, h.namespace, "ecsservice/web").hasGeneration(1).isReady();
  }

  @Test
  @Order(3)
  void reApplyingTheSameYamlThreeTimesMakesNoAwsWrite() throws Exception {
    Map<String, String> resourceVersions = resourceVersions();
    h.calls.reset();

    for (int i = 0; i < 3; i++) {
      assertThat(applyFolder()).doesNotContain("configured").doesNotContain("created");
    }
    Thread.sleep(RESYNC.multipliedBy(2).toMillis());

    assertThat(h.calls.all())
        .as("the drift checks read AWS")
        .containsKeys("DescribeServices", "DescribeScalableTargets", "DescribeScalingPolicies");
    assertThat(h.calls.writes()).as("AWS writes").isEmpty();
    assertThat(resourceVersions()).as("no Kubernetes write either").isEqualTo(resourceVersions);
    for (String object : OBJECTS) {
      KstatusAssert.live(h.bed, h.namespace, object).isReady();
    }
  }

  @Test
  @Order(4)
  void aDesiredCountTheScalerSetIsNotReverted() throws Exception {
    h.calls.reset();

    // What Application Auto Scaling does when the CPU goes up.
    aws.ecs().updateService(r -> r.cluster("web").service("web").desiredCount(7));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(h.get("ecsservice/web", ".status.desiredCount")).isEqualTo("7"));
    Thread.sleep(RESYNC.multipliedBy(2).toMillis());
    assertThat(service().desiredCount()).isEqualTo(7);
    assertThat(h.calls.writes()).as("AWS writes").isEmpty();
    KstatusAssert.live(h.bed, h.namespace, "ecsservice/web").isReady();
  }

  @Test
  @Order(5)
  void anOutOfBandChangeOfAManagedFieldIsCorrectedAtTheNextDriftCheck() throws Exception {
    h.calls.reset();

    aws.ecs()
        .updateService(r -> r.cluster("web").service("web").healthCheckGracePeriodSeconds(120));

    await()
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(() -> assertThat(service().healthCheckGracePeriodSeconds()).isEqualTo(30));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(driftCorrections())
                    .contains(
                        "corrected changes made outside the operator:"
                            + " healthCheckGracePeriodSeconds"));
    Thread.sleep(RESYNC.toMillis());
    assertThat(h.calls.writes()).isEqualTo(Map.of("UpdateService", 1));
    assertThat(service().desiredCount()).as("still the scaler's").isEqualTo(7);
    KstatusAssert.live(h.bed, h.namespace, "ecsservice/web").isReady();
  }

  /**
   * {@code kubectl delete -f} on the folder: the service is scaled in and deleted (its scaling
   * first), the revisions the task definition registered are deregistered, the repository goes, and
   * the cluster waits for its service: AWS refuses DeleteCluster until the service is gone (the
   * proxy answers so until then), which is Reconciling, not Stalled.
   */
  @Test
  @Order(6)
  void deletingTheFolderCleansAwsUpWithTheClusterWaitingForItsService() {
    StubMapping servicesLeft =
        proxy.failWith(
            "AmazonEC2ContainerServiceV20141113.DeleteCluster",
            "\"web\"",
            400,
            "ClusterContainsServicesException",
            "The Cluster cannot be deleted while Services are active.");

    h.kubectl("delete", "-f", manifests.toString(), "--wait=false")
        .assertSuccess("kubectl delete -f examples/fargate-web/");

    h.waitFor("delete", "ecsservice/web", WAIT);
    Service service = service();
    assertThat(service.status()).isEqualTo("INACTIVE");
    assertThat(service.desiredCount()).isZero();
    assertThat(targets()).as("the scalable target").isEmpty();
    assertThat(policies()).as("its policies").isEmpty();
    h.waitFor("delete", "ecstaskdefinition/web", WAIT);
    assertThat(taskDefinition(1).statusAsString()).isEqualTo("INACTIVE");
    assertThat(taskDefinition(2).statusAsString()).isEqualTo("INACTIVE");
    h.waitFor("delete", "ecrrepository/web", WAIT);
    assertThatThrownBy(() -> aws.ecr().describeRepositories(r -> r.repositoryNames("web")))
        .isInstanceOf(RepositoryNotFoundException.class);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              KstatusAssert waiting = KstatusAssert.live(h.bed, h.namespace, "ecscluster/web");
              assertThat(waiting.kstatus()).isEqualTo(KstatusAssert.Kstatus.TERMINATING);
              assertThat(waiting.condition("Stalled")).as("no Stalled while waiting").isNull();
              assertThat(waiting.condition("Reconciling").path("reason").asText())
                  .isEqualTo("ClusterHasServices");
            });
    assertThat(cluster().status()).as("after the service").isEqualTo("ACTIVE");

    // The service is INACTIVE: AWS takes DeleteCluster now.
    proxy.heal(servicesLeft);

    h.waitFor("delete", "ecscluster/web", WAIT);
    assertThat(cluster().status()).isEqualTo("INACTIVE");
  }

  /** {@code kubectl apply -f} on the folder; its output. */
  private String applyFolder() {
    return h.kubectl("apply", "-f", manifests.toString())
        .assertSuccess("kubectl apply -f examples/fargate-web/")
        .stdout();
  }

  private void waitForAllReady() {
    List<String> args = new ArrayList<>(List.of("wait", "--for=condition=Ready"));
    args.addAll(OBJECTS);
    args.add("--timeout=" + WAIT.toSeconds() + "s");
    h.kubectl(args.toArray(String[]::new)).assertSuccess("kubectl wait --for=condition=Ready");
  }

  private String exampleFile(String file) throws IOException {
    return Files.readString(h.bed.repoRoot().resolve("examples/fargate-web/" + file));
  }

  private String withMotoNetwork(String manifest) {
    String replaced = manifest;
    for (int i = 0; i < EXAMPLE_SUBNETS.size(); i++) {
      replaced = replaced.replace(EXAMPLE_SUBNETS.get(i), network.subnets().get(i));
    }
    return replaced.replace(EXAMPLE_SECURITY_GROUP, network.securityGroup());
  }

  private Map<String, String> resourceVersions() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (String object : OBJECTS) {
      versions.put(object, h.get(object, ".metadata.resourceVersion"));
    }
    return versions;
  }

  /** The messages of the DriftCorrected events of the service. */
  private String driftCorrections() {
    return h.kubectl(
            "get",
            "events",
            "--field-selector",
            "involvedObject.kind=EcsService,involvedObject.name=web,reason=DriftCorrected",
            "-o",
            "jsonpath={.items[*].message}")
        .assertSuccess("kubectl get events")
        .stdout();
  }

  private String revisionArn(int revision) {
    return "arn:aws:ecs:%s:123456789012:task-definition/web:%d".formatted(h.bed.region(), revision);
  }

  private Service service() {
    return aws.ecs().describeServices(r -> r.cluster("web").services("web")).services().get(0);
  }

  private Cluster cluster() {
    return aws.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0);
  }

  private TaskDefinition taskDefinition(int revision) {
    return aws.ecs()
        .describeTaskDefinition(r -> r.taskDefinition(revisionArn(revision)))
        .taskDefinition();
  }

  private List<ScalableTarget> targets() {
    return aws.autoScaling()
        .describeScalableTargets(
            r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds(RESOURCE_ID))
        .scalableTargets();
  }

  private ScalableTarget target() {
    List<ScalableTarget> targets = targets();
    assertThat(targets).hasSize(1);
    return targets.get(0);
  }

  private Map<String, ScalingPolicy> policies() {
    Map<String, ScalingPolicy> byName = new LinkedHashMap<>();
    aws.autoScaling()
        .describeScalingPolicies(
            r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(RESOURCE_ID))
        .scalingPolicies()
        .forEach(p -> byName.put(p.policyName(), p));
    return byName;
  }
}

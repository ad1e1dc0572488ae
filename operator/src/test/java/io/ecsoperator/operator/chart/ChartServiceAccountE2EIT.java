package io.ecsoperator.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.OperatorApp;
import io.ecsoperator.operator.testsupport.Helm;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.operator.testsupport.OperatorProcess;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator run exactly as the chart deploys it, as the chart's ServiceAccount: the RBAC the
 * chart renders is applied for real, the operator process authenticates with a token from the
 * TokenRequest API (as the kubelet gives one to the pod) and runs with the Deployment's arguments
 * and environment. Missing RBAC fails the end-to-end flow; excess RBAC fails the rules review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartServiceAccountE2EIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String RELEASE = "eo";
  private static final String ACCOUNT = "eo-ecs-operator";
  private static final ResourceDefinitionContext ECR_REPOSITORIES =
      new ResourceDefinitionContext.Builder()
          .withGroup("ecsoperator.io")
          .withVersion("v1alpha1")
          .withKind("EcrRepository")
          .withPlural("ecrrepositories")
          .withNamespaced(true)
          .build();

  private final TestBed bed = TestBed.get();
  private String releaseNamespace;
  private String watched;
  private Path kubeconfig;
  private OperatorProcess operator;

  @BeforeAll
  void deployTheChartAndRunTheOperatorAsItsServiceAccount() throws IOException {
    OperatorHarness.installCrds(bed);
    bed.resetAws();
    releaseNamespace = OperatorHarness.createNamespace(bed, "ecs-system");
    watched = OperatorHarness.createNamespace(bed, "team");
    RenderedChart chart =
        new RenderedChart(
            new Helm(bed)
                .template(
                    RELEASE,
                    releaseNamespace,
                    "--set",
                    "operator.watchNamespaces={" + watched + "}",
                    "--set",
                    "operator.resyncInterval=PT3S",
                    "--set",
                    "operator.progressInterval=PT1S"));
    bed.kubectlWithInput(chart.yaml(), "apply", "--server-side", "-f", "-")
        .assertSuccess("apply the chart");
    kubeconfig = serviceAccountKubeconfig();

    Map<String, String> env = new HashMap<>(chart.literalEnv());
    env.put("POD_NAMESPACE", releaseNamespace);
    env.put("KUBECONFIG", kubeconfig.toString());
    List<String> args =
        chart.container().getArgs().stream()
            .filter(a -> !a.equals("run") && !a.startsWith("--http-port"))
            .toList();
    operator = OperatorProcess.start(bed, "as-service-account", env, args.toArray(String[]::new));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(operator.get("/readyz").status())
                    .as("readyz; log %s", operator.logFile())
                    .isEqualTo(200));
  }

  @AfterAll
  void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void theExamplesGoReadyAndAreDeletedWithOnlyTheChartsPermissions() throws IOException {
    try (KubernetesClient admin = OperatorHarness.newClient(bed)) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                Lease lease = admin.leases().inNamespace(releaseNamespace).withName(ACCOUNT).get();
                assertThat(lease).as("the leader election Lease").isNotNull();
                assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
              });
    }
    for (String file : List.of("examples/ecr-repository.yaml", "examples/ecs-cluster.yaml")) {
      bed.kubectl("apply", "-n", watched, "-f", bed.repoRoot().resolve(file).toString())
          .assertSuccess("apply " + file);
    }
    for (String object : List.of("ecrrepository/web", "ecscluster/shop")) {
      bed.kubectl("wait", "--for=condition=Ready", object, "-n", watched, "--timeout=90s")
          .assertSuccess("wait for " + object + "; operator log " + operator.logFile());
      KstatusAssert live = KstatusAssert.live(bed, watched, object).isReady();
      assertThat(live.object().at("/metadata/finalizers").toString())
          .contains(OperatorApp.FINALIZER);
    }
    // installation: auto: the AWS resources name this cluster (its kube-system UID).
    String cluster =
        bed.kubectl("get", "namespace", "kube-system", "-o", "jsonpath={.metadata.uid}").stdout();
    String repositoryArn =
        bed.kubectl("get", "ecrrepository/web", "-n", watched, "-o", "jsonpath={.status.arn}")
            .stdout();
    assertThat(bed.aws("ecr", "list-tags-for-resource", "--resource-arn", repositoryArn).stdout())
        .contains("ecsoperator.io/installation")
        .contains(cluster);
    // An object no operator watches keeps the CRD's default status: InProgress for kstatus,
    // Progressing for Argo CD.
    bed.kubectl(
            "apply",
            "-n",
            releaseNamespace,
            "-f",
            bed.repoRoot().resolve("examples/ecr-repository.yaml").toString())
        .assertSuccess("apply where nothing watches");
    KstatusAssert.live(bed, releaseNamespace, "ecrrepository/web").isNotSeenYet();
    assertThat(
            bed.kubectl(
                    "get",
                    "events",
                    "-n",
                    watched,
                    "--field-selector",
                    "involvedObject.name=web",
                    "-o",
                    "jsonpath={.items[*].reason}")
                .stdout())
        .as("events recorded by the operator")
        .contains("Created");

    bed.kubectl("delete", "-n", watched, "ecrrepository/web", "ecscluster/shop", "--timeout=90s")
        .assertSuccess("delete; operator log " + operator.logFile());
    assertThat(bed.aws("ecr", "describe-repositories", "--repository-names", "shop/web").output())
        .contains("RepositoryNotFoundException");

    assertThat(operator.log()).doesNotContainIgnoringCase("forbidden");
  }

  @Test
  void theServiceAccountMayDoExactlyWhatTheChartGrantsAndNothingElse() throws IOException {
    try (KubernetesClient asOperator = serviceAccountClient()) {
      // installation: auto reads the kube-system namespace's UID, and namespaces' account
      // bindings and the cluster-scoped kinds are read cluster-wide: from every namespace's view.
      Set<String> everywhere = new TreeSet<>(ChartRules.installationPermissions());
      everywhere.addAll(ChartRules.clusterKindPermissions());
      everywhere.addAll(ChartRules.accountPermissions());
      Set<String> inWatched = new TreeSet<>(ChartRules.watchedNamespacePermissions());
      inWatched.addAll(everywhere);
      Set<String> inRelease = new TreeSet<>(ChartRules.leasePermissions(ACCOUNT));
      inRelease.addAll(everywhere);
      assertThat(ChartIT.operatorPermissions(asOperator, watched)).isEqualTo(inWatched);
      assertThat(ChartIT.operatorPermissions(asOperator, releaseNamespace)).isEqualTo(inRelease);
      assertThat(ChartIT.operatorPermissions(asOperator, "default")).isEqualTo(everywhere);

      // Refused for real, not only absent from the review.
      assertForbidden(
          () ->
              asOperator
                  .genericKubernetesResources(ECR_REPOSITORIES)
                  .inNamespace(watched)
                  .withName("web")
                  .delete());
      assertForbidden(
          () ->
              asOperator
                  .genericKubernetesResources(ECR_REPOSITORIES)
                  .inNamespace(watched)
                  .resource(probe())
                  .create());
      assertForbidden(
          () ->
              asOperator
                  .genericKubernetesResources(ECR_REPOSITORIES)
                  .inNamespace("default")
                  .list());
      assertForbidden(() -> asOperator.secrets().inNamespace(watched).list());
      assertForbidden(
          () ->
              asOperator
                  .resources(Secret.class)
                  .inNamespace(releaseNamespace)
                  .withName("anything")
                  .get());
      assertForbidden(
          () -> asOperator.leases().inNamespace(releaseNamespace).withName("someone-else").get());
    }
  }

  private GenericKubernetesResource probe() {
    var probe = new GenericKubernetesResource();
    probe.setApiVersion("ecsoperator.io/v1alpha1");
    probe.setKind("EcrRepository");
    probe.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("probe").build());
    probe.setAdditionalProperty("spec", Map.of());
    return probe;
  }

  private static void assertForbidden(Runnable request) {
    assertThatThrownBy(request::run)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  private KubernetesClient serviceAccountClient() throws IOException {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
        .build();
  }

  /** A kubeconfig with a bound token of the chart's ServiceAccount (TokenRequest API). */
  private Path serviceAccountKubeconfig() throws IOException {
    String token =
        bed.kubectl("create", "token", ACCOUNT, "-n", releaseNamespace, "--duration=2h")
            .assertSuccess("TokenRequest")
            .stdout()
            .strip();
    Config admin = Config.fromKubeconfig(Files.readString(bed.kubeconfig()));
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: testbed
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: operator
          user:
            token: %s
        contexts:
        - name: operator
          context:
            cluster: testbed
            user: operator
            namespace: %s
        current-context: operator
        """
            .formatted(admin.getMasterUrl(), admin.getCaCertData(), token, releaseNamespace);
    Path file = bed.stateDir().resolve("kubeconfig-" + releaseNamespace);
    Files.writeString(file, yaml);
    return file;
  }
}

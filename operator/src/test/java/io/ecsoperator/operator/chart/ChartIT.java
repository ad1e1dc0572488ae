package io.ecsoperator.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.Helm;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.operator.testsupport.OperatorProcess;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart checked with the real tools: helm lint and template, the API server's dry run of
 * what it renders, the operator's CLI accepting the Deployment's arguments, and the cluster-wide
 * RBAC applied for real and read back as the service account sees it.
 */
class ChartIT {

  /** Values other than the defaults, each of which changes what is rendered. */
  private static final String[] NON_DEFAULT = {
    "--set", "operator.watchNamespaces={team-a,team-b}",
    "--set", "leaderElection.enabled=false",
    "--set", "replicaCount=1",
    "--set", "podDisruptionBudget.enabled=false",
    "--set", "metrics.serviceMonitor.enabled=true",
    "--set", "metrics.serviceMonitor.labels.release=prometheus",
    "--set", "prometheusRule.enabled=true",
    "--set", "prometheusRule.labels.release=prometheus",
    "--set", "grafanaDashboard.enabled=true",
    "--set", "aws.region=eu-west-1",
    "--set", "operator.logFormat=json",
    "--set", "operator.resyncInterval=PT5M",
    "--set", "operator.concurrency=4",
    "--set", "operator.installation=prod-eu-1",
    "--set", "operator.javaOptions=-XX:MaxRAMPercentage=60",
    "--set", "image.repository=123456789012.dkr.ecr.eu-west-1.amazonaws.com/ecs-operator",
    "--set", "image.tag=1.2.3",
    "--set-string",
        "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn="
            + "arn:aws:iam::123456789012:role/ecs-operator",
  };

  private final TestBed bed = TestBed.get();
  private final Helm helm = new Helm(bed);

  @Test
  void lintPassesStrictlyWithDefaultAndOtherValues() {
    assertThat(helm.run("lint", "--strict", helm.chart().toString()).stdout())
        .contains("1 chart(s) linted, 0 chart(s) failed");
    List<String> args = new ArrayList<>(List.of("lint", "--strict", helm.chart().toString()));
    args.addAll(List.of(NON_DEFAULT));
    assertThat(helm.run(args.toArray(String[]::new)).stdout()).contains("0 chart(s) failed");
  }

  @Test
  void defaultsRenderAHardenedDeploymentWithClusterWideRbacAndALeaseRole() {
    RenderedChart chart = new RenderedChart(helm.template("eo", "ecs-system"));

    assertThat(chart.names())
        .containsExactlyInAnyOrder(
            "ServiceAccount ecs-system/eo-ecs-operator",
            "ClusterRole eo-ecs-operator",
            "ClusterRoleBinding eo-ecs-operator",
            "ClusterRole eo-ecs-operator-installation",
            "ClusterRoleBinding eo-ecs-operator-installation",
            "ClusterRole eo-ecs-operator-accounts",
            "ClusterRoleBinding eo-ecs-operator-accounts",
            "Role ecs-system/eo-ecs-operator-leader-election",
            "RoleBinding ecs-system/eo-ecs-operator-leader-election",
            "Service ecs-system/eo-ecs-operator-metrics",
            "Deployment ecs-system/eo-ecs-operator",
            "PodDisruptionBudget ecs-system/eo-ecs-operator");
    assertThat(RenderedChart.permissions(chart.clusterRole("eo-ecs-operator").getRules()))
        .isEqualTo(ChartRules.kindPermissions());
    assertThat(
            RenderedChart.permissions(chart.clusterRole("eo-ecs-operator-installation").getRules()))
        .isEqualTo(ChartRules.installationPermissions());
    assertThat(RenderedChart.permissions(chart.clusterRole("eo-ecs-operator-accounts").getRules()))
        .isEqualTo(ChartRules.accountPermissions());
    assertThat(chart.clusterRoleBinding("eo-ecs-operator").getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo("eo-ecs-operator");
              assertThat(s.getNamespace()).isEqualTo("ecs-system");
            });
    assertThat(
            RenderedChart.permissions(
                chart.role("ecs-system", "eo-ecs-operator-leader-election").getRules()))
        .isEqualTo(ChartRules.leasePermissions("eo-ecs-operator"));

    assertHardened(chart.one(Deployment.class));
    Container container = chart.container();
    assertThat(container.getArgs())
        .contains(
            "run",
            "--leader-election",
            "--lease-name=eo-ecs-operator",
            "--installation=auto",
            "--http-port=8080")
        .noneMatch(a -> a.startsWith("--namespaces"));
    assertThat(container.getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("POD_NAMESPACE");
              assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                  .isEqualTo("metadata.namespace");
            });
    assertThat(chart.literalEnv())
        .containsEntry("LOG_FORMAT", "TEXT")
        .doesNotContainKey("AWS_REGION");
    assertTheCliAccepts(container.getArgs());
  }

  @Test
  void otherValuesRenderRolesPerWatchedNamespaceAndClusterWideOnlyClusterScopedKindsAndNamespaces()
      throws IOException {
    RenderedChart chart = new RenderedChart(helm.template("eo", "ecs-system", NON_DEFAULT));

    List<String> expected =
        new ArrayList<>(
            List.of(
                "ServiceAccount ecs-system/eo-ecs-operator",
                "ClusterRole eo-ecs-operator-accounts",
                "ClusterRoleBinding eo-ecs-operator-accounts",
                "Role team-a/eo-ecs-operator",
                "RoleBinding team-a/eo-ecs-operator",
                "Role team-b/eo-ecs-operator",
                "RoleBinding team-b/eo-ecs-operator",
                "Service ecs-system/eo-ecs-operator-metrics",
                "Deployment ecs-system/eo-ecs-operator",
                "ServiceMonitor ecs-system/eo-ecs-operator",
                "PrometheusRule ecs-system/eo-ecs-operator",
                "ConfigMap ecs-system/eo-ecs-operator-dashboard"));
    expected.addAll(ChartRules.clusterKindObjects("eo-ecs-operator"));
    assertThat(chart.names()).containsExactlyInAnyOrderElementsOf(expected);
    for (String ns : List.of("team-a", "team-b")) {
      assertThat(RenderedChart.permissions(chart.role(ns, "eo-ecs-operator").getRules()))
          .as("Role in %s", ns)
          .isEqualTo(ChartRules.watchedNamespacePermissions());
    }
    assertThat(chart.one(ServiceAccount.class).getMetadata().getAnnotations())
        .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/ecs-operator");
    Deployment deployment = chart.one(Deployment.class);
    assertHardened(deployment);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    Container container = chart.container();
    assertThat(container.getImage())
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/ecs-operator:1.2.3");
    assertThat(container.getArgs())
        .contains(
            "--namespaces=team-a,team-b",
            "--resync-interval=PT5M",
            "--concurrency=4",
            "--installation=prod-eu-1")
        .doesNotContain("--leader-election");
    assertThat(chart.literalEnv())
        .containsEntry("LOG_FORMAT", "JSON")
        .containsEntry("AWS_REGION", "eu-west-1")
        .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=60");
    HasMetadata monitor =
        chart.objects().stream()
            .filter(o -> o.getKind().equals("ServiceMonitor"))
            .findFirst()
            .orElseThrow();
    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat(chart.yaml()).contains("port: http-metrics");
    assertTheCliAccepts(container.getArgs());
    assertTheMonitoringFilesAreShipped(chart);
  }

  /**
   * The chart takes its kinds from its CRDs: one more CRD, here cluster-scoped, is in the
   * cluster-wide ClusterRole, and with watched namespaces in a ClusterRole of its own, not the
   * namespaced Roles.
   */
  @Test
  void aKindIsTakenFromTheChartsCrdsAndAClusterScopedOneIsGrantedClusterWide(@TempDir Path copy)
      throws IOException {
    copyChart(copy);
    Files.writeString(
        copy.resolve("crds/widgets.ecsoperator.io-v1.yml"),
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.ecsoperator.io
        spec:
          group: ecsoperator.io
          names: {kind: Widget, plural: widgets, singular: widget}
          scope: Cluster
          versions:
            - name: v1alpha1
              served: true
              storage: true
              schema: {openAPIV3Schema: {type: object}}
        """);
    Set<String> widgets = ChartRules.kindLines(List.of("widgets"));

    RenderedChart clusterWide = new RenderedChart(helm.template(copy, "eo", "ecs-system"));
    Set<String> everything = new HashSet<>(ChartRules.kindPermissions());
    everything.addAll(widgets);
    assertThat(RenderedChart.permissions(clusterWide.clusterRole("eo-ecs-operator").getRules()))
        .isEqualTo(everything);

    RenderedChart watching =
        new RenderedChart(
            helm.template(copy, "eo", "ecs-system", "--set", "operator.watchNamespaces={team-a}"));
    assertThat(RenderedChart.permissions(watching.role("team-a", "eo-ecs-operator").getRules()))
        .isEqualTo(ChartRules.watchedNamespacePermissions());
    Set<String> clusterKinds = new HashSet<>(ChartRules.clusterKindPermissions());
    clusterKinds.addAll(widgets);
    assertThat(
            RenderedChart.permissions(
                watching.clusterRole("eo-ecs-operator-cluster-kinds").getRules()))
        .isEqualTo(clusterKinds);
    assertThat(watching.names()).contains("ClusterRoleBinding eo-ecs-operator-cluster-kinds");
  }

  private void copyChart(Path copy) throws IOException {
    try (var files = Files.walk(helm.chart())) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(helm.chart().relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  /** The PrometheusRule carries monitoring/alerts.yaml, the dashboard ConfigMap dashboard.json. */
  private void assertTheMonitoringFilesAreShipped(RenderedChart chart) throws IOException {
    Path monitoring = helm.chart().resolve("monitoring");
    GenericKubernetesResource rule =
        (GenericKubernetesResource)
            chart.objects().stream()
                .filter(o -> o.getKind().equals("PrometheusRule"))
                .findFirst()
                .orElseThrow();
    assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat(rule.getAdditionalProperties().get("spec"))
        .isEqualTo(new Yaml().load(Files.readString(monitoring.resolve("alerts.yaml"))));
    ConfigMap dashboard = chart.one(ConfigMap.class);
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(Json.parse(dashboard.getData().get("ecs-operator.json")))
        .isEqualTo(Json.parse(Files.readString(monitoring.resolve("dashboard.json"))));
  }

  @Test
  void shardsRenderADeploymentEachWithItsSelectorRateShareAndLease() {
    RenderedChart chart =
        new RenderedChart(
            helm.template(
                "eo",
                "ecs-system",
                "--set-json",
                "shards=[{\"name\":\"a\",\"selector\":\"ecsoperator.io/shard=a\","
                    + "\"awsRateShare\":0.5},"
                    + "{\"name\":\"b\",\"selector\":\"ecsoperator.io/shard in (b,c)\"}]"));

    List<Deployment> deployments = chart.all(Deployment.class);
    assertThat(deployments)
        .extracting(d -> d.getMetadata().getName())
        .containsExactly("eo-ecs-operator-a", "eo-ecs-operator-b");
    assertThat(deployments)
        .extracting(d -> d.getSpec().getSelector().getMatchLabels().get("ecsoperator.io/shard"))
        .as("each Deployment selects only its own pods")
        .containsExactly("a", "b");
    assertThat(chart.all(PodDisruptionBudget.class))
        .extracting(p -> p.getSpec().getSelector().getMatchLabels().get("ecsoperator.io/shard"))
        .as("a drain leaves each shard a replica")
        .containsExactly("a", "b");
    for (Deployment d : deployments) {
      assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
    }
    List<String> a = containerOf(deployments.get(0)).getArgs();
    List<String> b = containerOf(deployments.get(1)).getArgs();
    assertThat(a)
        .contains(
            "--lease-name=eo-ecs-operator-a",
            "--selector=ecsoperator.io/shard=a",
            "--aws-rate-share=0.5");
    assertThat(b)
        .contains("--lease-name=eo-ecs-operator-b", "--selector=ecsoperator.io/shard in (b,c)")
        .noneMatch(arg -> arg.startsWith("--aws-rate-share"));
    assertThat(
            RenderedChart.permissions(
                chart.role("ecs-system", "eo-ecs-operator-leader-election").getRules()))
        .isEqualTo(ChartRules.leasePermissions("eo-ecs-operator-a", "eo-ecs-operator-b"));
    assertTheCliAccepts(a);
    assertTheCliAccepts(b);
  }

  private static Container containerOf(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @Test
  void theApiServerAcceptsEverythingRenderedInADryRun() {
    String release = OperatorHarness.uniqueName("dry");
    String[] namespaces = {release, release + "-a", release + "-b"};
    for (String ns : namespaces) {
      bed.kubectl("create", "namespace", ns).assertSuccess("create namespace " + ns);
    }
    String defaults = helm.template(release, release, "--include-crds");
    assertDryRunAccepts(defaults, new RenderedChart(defaults).objects().size());

    List<String> values = new ArrayList<>(List.of(NON_DEFAULT));
    values.set(1, "operator.watchNamespaces={" + namespaces[1] + "," + namespaces[2] + "}");
    RenderedChart other =
        new RenderedChart(helm.template(release, release, values.toArray(String[]::new)));
    // The bed has no Prometheus Operator, so no ServiceMonitor nor PrometheusRule kind; they are
    // checked above.
    Set<String> prometheusOperatorKinds = Set.of("ServiceMonitor", "PrometheusRule");
    List<HasMetadata> known =
        other.objects().stream()
            .filter(o -> !prometheusOperatorKinds.contains(o.getKind()))
            .toList();
    assertThat(known).hasSize(other.objects().size() - 2);
    var yaml = new KubernetesSerialization();
    assertDryRunAccepts(
        known.stream().map(yaml::asYaml).collect(Collectors.joining("\n---\n")), known.size());
  }

  @Test
  void clusterWideRbacAppliedForRealGivesTheServiceAccountExactlyTheChartsPermissions()
      throws IOException {
    String release = OperatorHarness.uniqueName("rbac");
    bed.kubectl("create", "namespace", release).assertSuccess("create namespace");
    RenderedChart chart = new RenderedChart(helm.template(release, release));
    bed.kubectlWithInput(chart.yaml(), "apply", "--server-side", "-f", "-")
        .assertSuccess("apply the chart");
    String account = "system:serviceaccount:" + release + ":" + release + "-ecs-operator";
    try (KubernetesClient asOperator = impersonating(account, release)) {
      Set<String> elsewhere = operatorPermissions(asOperator, "default");
      Set<String> home = operatorPermissions(asOperator, release);

      Set<String> expectedElsewhere = new HashSet<>(ChartRules.kindPermissions());
      expectedElsewhere.addAll(ChartRules.installationPermissions());
      expectedElsewhere.addAll(ChartRules.accountPermissions());
      assertThat(elsewhere).isEqualTo(expectedElsewhere);
      Set<String> expectedHome = new HashSet<>(expectedElsewhere);
      expectedHome.addAll(ChartRules.leasePermissions(release + "-ecs-operator"));
      assertThat(home).isEqualTo(expectedHome);
    } finally {
      bed.kubectl(
              "delete",
              "clusterrolebinding,clusterrole",
              release + "-ecs-operator",
              release + "-ecs-operator-installation",
              release + "-ecs-operator-accounts")
          .assertSuccess("remove the cluster-wide objects");
    }
  }

  /** What the account may do in the namespace, without what every authenticated user may do. */
  static Set<String> operatorPermissions(KubernetesClient client, String namespace) {
    SelfSubjectRulesReview review =
        client
            .resource(
                new SelfSubjectRulesReviewBuilder()
                    .withNewSpec()
                    .withNamespace(namespace)
                    .endSpec()
                    .build())
            .create();
    assertThat(review.getStatus().getIncomplete()).isFalse();
    return RenderedChart.reviewed(review.getStatus().getResourceRules()).stream()
        .filter(
            rule ->
                !rule.startsWith("authorization.k8s.io ")
                    && !rule.startsWith("authentication.k8s.io "))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private KubernetesClient impersonating(String user, String namespace) throws IOException {
    Config admin = Config.fromKubeconfig(Files.readString(bed.kubeconfig()));
    Config config =
        new ConfigBuilder(admin)
            .withImpersonateUsername(user)
            .withImpersonateGroups(
                "system:serviceaccounts",
                "system:serviceaccounts:" + namespace,
                "system:authenticated")
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private void assertDryRunAccepts(String yaml, int objects) {
    Processes.Result result =
        bed.kubectlWithInput(yaml, "apply", "--server-side", "--dry-run=server", "-f", "-")
            .assertSuccess("server-side dry run");
    assertThat(result.stdout().lines().filter(l -> l.endsWith("(server dry run)")).count())
        .as("objects accepted: %s", result.stdout())
        .isEqualTo(objects);
  }

  /** Non-root, read-only root, no capabilities, RuntimeDefault seccomp, limits, probes, /tmp. */
  private static void assertHardened(Deployment deployment) {
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    Container c = pod.getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    Map<String, Quantity> requests = c.getResources().getRequests();
    Map<String, Quantity> limits = c.getResources().getLimits();
    assertThat(requests).containsKeys("cpu", "memory");
    assertThat(limits).containsKeys("cpu", "memory");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(c.getPorts()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("http"));
    assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes())
        .anySatisfy(
            v -> {
              assertThat(v.getName()).isEqualTo("tmp");
              assertThat(v.getEmptyDir()).isNotNull();
            });
  }

  /** picocli rejects unknown options and malformed values even with --help. */
  private void assertTheCliAccepts(List<String> args) {
    List<String> command =
        new ArrayList<>(List.of("java", "-jar", OperatorProcess.jar().toString()));
    command.addAll(args);
    command.add("--help");
    Processes.Result result =
        Processes.run(
            bed.repoRoot(), Map.of(), null, Duration.ofMinutes(1), command.toArray(String[]::new));
    assertThat(result.exitCode()).as("ecs-operator %s: %s", args, result.output()).isZero();
    assertThat(result.stdout()).contains("Usage: ecs-operator run");
  }
}

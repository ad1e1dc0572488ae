package io.ecsoperator.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.ChartMonitoring;
import io.ecsoperator.operator.testsupport.DeploymentLoadBalancer;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.operator.testsupport.OperatorProcess;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.testsupport.TestBed;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operator process's /metrics, /healthz, /readyz and JSON logs after it reconciled the
 * examples: the meters an SRE alerts on exist and count what happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  private final TestBed bed = TestBed.get();
  private String namespace;
  private OperatorProcess operator;

  @BeforeAll
  void startOperator() {
    OperatorHarness.installCrds(bed);
    bed.resetAws();
    namespace = OperatorHarness.createNamespace(bed, "obs");
    operator =
        OperatorProcess.start(
            bed,
            "observability",
            Map.of("LOG_FORMAT", "JSON"),
            "--namespaces=" + namespace,
            "--resync-interval=PT3S",
            "--progress-interval=PT1S");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(operator.get("/readyz").status()).isEqualTo(200));
  }

  @AfterAll
  void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  @Order(1)
  void metricsCountReconcilesAwsCallsAndDriftCorrectionsAndTheProbesAndLogsWork() {
    assertThat(operator.get("/healthz").status()).isEqualTo(200);
    apply("examples/ecr-repository.yaml");
    apply("examples/ecs-cluster.yaml");
    waitReady("ecrrepository/web");
    waitReady("ecscluster/shop");

    // A change made outside the operator, corrected at the next resync.
    try (var aws = bed.awsClients(AwsCallListener.NONE)) {
      aws.forRegion(null)
          .ecr()
          .putImageScanningConfiguration(
              r ->
                  r.repositoryName("shop/web")
                      .imageScanningConfiguration(s -> s.scanOnPush(false)));
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        operator.metric(
                            "ecsoperator_drift_corrections_total", "kind=\"EcrRepository\""))
                    .isEqualTo(1));

    String scrape = operator.get("/metrics").body();
    for (String kind : new String[] {"EcrRepository", "EcsCluster"}) {
      assertThat(
              OperatorProcess.sum(
                  scrape,
                  "ecsoperator_reconciles_seconds_count",
                  "kind=\"" + kind + "\"",
                  "operation=\"reconcile\"",
                  "result=\"ready\""))
          .as("ready reconciles of %s", kind)
          .isPositive();
      assertThat(
              OperatorProcess.sum(
                  scrape, "ecsoperator_reconciles_seconds_sum", "kind=\"" + kind + "\""))
          .as("time spent reconciling %s", kind)
          .isPositive();
    }
    assertThat(
            OperatorProcess.sum(
                scrape,
                "ecsoperator_aws_calls_seconds_count",
                "service=\"Ecr\"",
                "operation=\"CreateRepository\"",
                "outcome=\"success\""))
        .isEqualTo(1);
    assertThat(
            OperatorProcess.sum(
                scrape,
                "ecsoperator_aws_calls_seconds_count",
                "service=\"Ecs\"",
                "operation=\"CreateCluster\"",
                "outcome=\"success\""))
        .isEqualTo(1);
    assertThat(
            OperatorProcess.sum(
                scrape,
                "ecsoperator_aws_calls_seconds_count",
                "operation=\"DescribeRepositories\""))
        .as("resyncs read AWS")
        .isGreaterThan(1);
    // JOSDK's own meters: executions per controller and the reconcile queue's depth per kind.
    assertThat(
            OperatorProcess.sum(
                scrape,
                "operator_sdk_controllers_execution_reconcile_seconds_count",
                "controller=\"ecrrepository\""))
        .isPositive();
    assertThat(scrape)
        .containsPattern(
            "(?m)^operator_sdk_reconciliations_queue_size_ecrrepository\\{.*kind=\"EcrRepository\"")
        .containsPattern("(?m)^operator_sdk_reconciliations_queue_size_ecscluster\\{");

    assertThat(operator.metric("ecsoperator_leader"))
        .as("runs without election: leads")
        .isEqualTo(1);

    bed.kubectl("delete", "-n", namespace, "ecrrepository/web", "ecscluster/shop", "--timeout=90s")
        .assertSuccess("delete");
    assertThat(
            operator.metric(
                "ecsoperator_reconciles_seconds_count", "operation=\"delete\"", "result=\"done\""))
        .isEqualTo(2);

    assertEveryLogLineIsJson();
  }

  /** After the first test, whose counts of AWS calls and deletions it would change. */
  @Test
  @Order(2)
  void rolloutMetricsCountDeploymentsByStrategyAndTimeTheirStages() throws IOException {
    bed.steerAws("/_ecsbed/config", "{\"timeScale\": 60}");
    try (var alb = new DeploymentLoadBalancer(bed)) {
      bed.kubectlWithInput(
              alb.manifests(bed.repoRoot(), "linear/service.yaml", "1.0.0"),
              "apply",
              "-n",
              namespace,
              "-f",
              "-")
          .assertSuccess("apply examples/linear");
    }
    waitReady("ecsservice/checkout");

    String linear = "strategy=\"LINEAR\"";
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(operator.metric("ecsoperator_rollouts_succeeded_total", linear))
                    .isEqualTo(1));
    String scrape = operator.get("/metrics").body();
    // The chart's alerts and Grafana dashboard read only series this operator serves (the
    // deployment stage timers exist once a deployment has passed a stage).
    assertThat(OperatorProcess.seriesNames(scrape))
        .containsAll(new ChartMonitoring(bed.repoRoot()).metricNames());
    assertThat(OperatorProcess.sum(scrape, "ecsoperator_rollouts_started_total", linear))
        .isEqualTo(1);
    assertThat(OperatorProcess.sum(scrape, "ecsoperator_rollouts_rolledback_total", linear))
        .isZero();
    assertThat(
            OperatorProcess.sum(
                scrape,
                "ecsoperator_rollout_stage_seconds_count",
                linear,
                "stage=\"PRODUCTION_TRAFFIC_SHIFT\""))
        .as("the traffic shift, timed once when it ended")
        .isEqualTo(1);
    assertThat(
            OperatorProcess.sum(
                scrape, "ecsoperator_rollout_stage_seconds_sum", linear, "stage=\"BAKE_TIME\""))
        .as("the 5-minute bake, 5 s on the bed's clock")
        .isGreaterThan(3);
  }

  private void assertEveryLogLineIsJson() {
    String[] lines = operator.log().strip().split("\n");
    assertThat(lines.length).as("log lines").isGreaterThan(3);
    for (String line : lines) {
      var json = Json.parse(line);
      assertThat(json.path("level").asText()).as("level of %s", line).isNotBlank();
      assertThat(json.path("loggerName").asText()).as("logger of %s", line).isNotBlank();
      assertThat(json.has("message")).as("message of %s", line).isTrue();
    }
  }

  private void apply(String file) {
    bed.kubectl("apply", "-n", namespace, "-f", bed.repoRoot().resolve(file).toString())
        .assertSuccess("apply " + file);
  }

  private void waitReady(String object) {
    bed.kubectl(
            "wait",
            "--for=condition=Ready",
            object,
            "-n",
            namespace,
            "--timeout=" + WAIT.toSeconds() + "s")
        .assertSuccess("wait for " + object + "; operator log " + operator.logFile());
    KstatusAssert.live(bed, namespace, object).isReady();
  }
}

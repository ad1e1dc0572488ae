package io.ecsoperator.operator.observability;

import static io.ecsoperator.operator.testsupport.OperatorProcess.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

  private final OperatorMetrics metrics = new OperatorMetrics();

  @Test
  void awsCallsAreTimedByServiceOperationAndOutcome() {
    metrics.onCall("Ecr", "CreateRepository", "success", Duration.ofMillis(40));
    metrics.onCall("Ecr", "CreateRepository", "success", Duration.ofMillis(60));
    metrics.onCall("Ecs", "DescribeClusters", "AccessDenied", Duration.ofMillis(5));

    String scrape = metrics.scrape();

    assertThat(
            sum(
                scrape,
                "ecsoperator_aws_calls_seconds_count",
                "service=\"Ecr\"",
                "operation=\"CreateRepository\"",
                "outcome=\"success\""))
        .isEqualTo(2);
    assertThat(sum(scrape, "ecsoperator_aws_calls_seconds_sum", "operation=\"CreateRepository\""))
        .isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(sum(scrape, "ecsoperator_aws_calls_seconds_count", "outcome=\"AccessDenied\""))
        .isEqualTo(1);
    assertThat(scrape).doesNotContain("ecsoperator_aws_throttled_total");
  }

  @Test
  void throttledCallsAreCountedApart() {
    metrics.onCall("Ecs", "UpdateService", "Throttled", Duration.ofMillis(3));
    metrics.onCall("Ecs", "UpdateService", "success", Duration.ofMillis(3));

    String scrape = metrics.scrape();

    assertThat(
            sum(
                scrape,
                "ecsoperator_aws_throttled_total",
                "service=\"Ecs\"",
                "operation=\"UpdateService\""))
        .isEqualTo(1);
    assertThat(sum(scrape, "ecsoperator_aws_calls_seconds_count", "operation=\"UpdateService\""))
        .isEqualTo(2);
  }

  @Test
  void reconcilesAreTimedByKindOperationAndResult() {
    metrics.reconciled("EcrRepository", "reconcile", "ready", Duration.ofMillis(20));
    metrics.reconciled("EcrRepository", "reconcile", "stalled", Duration.ofMillis(20));
    metrics.reconciled("EcsCluster", "delete", "waiting", Duration.ofMillis(20));
    metrics.driftCorrected("EcsCluster");

    String scrape = metrics.scrape();

    assertThat(
            sum(
                scrape,
                "ecsoperator_reconciles_seconds_count",
                "kind=\"EcrRepository\"",
                "result=\"ready\""))
        .isEqualTo(1);
    assertThat(
            sum(
                scrape,
                "ecsoperator_reconciles_seconds_count",
                "kind=\"EcsCluster\"",
                "operation=\"delete\"",
                "result=\"waiting\""))
        .isEqualTo(1);
    assertThat(sum(scrape, "ecsoperator_drift_corrections_total", "kind=\"EcsCluster\""))
        .isEqualTo(1);
    assertThat(sum(scrape, "ecsoperator_drift_corrections_total", "kind=\"EcrRepository\""))
        .isZero();
  }

  @Test
  void jvmMetersAreExposed() {
    assertThat(metrics.scrape()).contains("jvm_memory_used_bytes").contains("process_uptime");
  }
}

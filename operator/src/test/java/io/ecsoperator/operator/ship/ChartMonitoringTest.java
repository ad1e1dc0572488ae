package io.ecsoperator.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.BedTools;
import io.ecsoperator.operator.testsupport.ChartMonitoring;
import io.ecsoperator.operator.testsupport.Repo;
import io.ecsoperator.testsupport.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart's alerting rules checked and unit-tested by Prometheus's own promtool (built by {@code
 * testbed/install-promtool}); ObservabilityIT checks that a running operator serves every metric
 * they and the dashboard read.
 */
class ChartMonitoringTest {

  private static final Path REPO = Repo.root();
  private final ChartMonitoring monitoring = new ChartMonitoring(REPO);

  @Test
  void promtoolAcceptsTheRules() {
    Processes.Result check = promtool("check", "rules", monitoring.alerts().toString());

    assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
    assertThat(check.stdout()).contains("SUCCESS: 6 rules found");
  }

  @Test
  void promtoolsUnitTestsOfTheRulesPass() {
    Processes.Result test = promtool("test", "rules", monitoring.alertsTest().toString());

    assertThat(test.exitCode()).as(test.stdout() + test.stderr()).isZero();
    assertThat(test.stdout()).contains("SUCCESS");
  }

  @Test
  void theMetricNamesAreReadFromEveryExpressionAndNothingElse() {
    assertThat(monitoring.metricNames())
        .containsExactlyInAnyOrder(
            "ecsoperator_reconciles_seconds_count",
            "ecsoperator_reconciles_seconds_sum",
            "ecsoperator_drift_corrections_total",
            "ecsoperator_aws_calls_seconds_count",
            "ecsoperator_aws_calls_seconds_max",
            "ecsoperator_leader",
            "ecsoperator_rollouts_started_total",
            "ecsoperator_rollouts_succeeded_total",
            "ecsoperator_rollouts_rolledback_total",
            "ecsoperator_rollout_stage_seconds_sum",
            "ecsoperator_rollout_stage_seconds_count",
            "jvm_memory_used_bytes");
  }

  private static Processes.Result promtool(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = BedTools.folder(REPO, "install-promtool").resolve("promtool").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    return Processes.run(REPO, Map.of(), null, Duration.ofMinutes(1), command);
  }
}

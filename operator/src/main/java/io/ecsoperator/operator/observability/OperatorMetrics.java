package io.ecsoperator.operator.observability;

import io.ecsoperator.operator.controller.ReconcileMetrics;
import io.ecsoperator.operator.service.RolloutMetrics;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every meter of the operator in one Prometheus registry: our reconciles, AWS calls, throttling,
 * drift corrections, leadership and service deployments, JOSDK's own controller meters (queue size,
 * executions) and the JVM's. Tags are bounded (kind, result, AWS service, operation, outcome,
 * strategy, stage), never per object.
 */
public final class OperatorMetrics implements AwsCallListener, ReconcileMetrics, RolloutMetrics {

  /** What {@link io.ecsoperator.reconcilers.engine.ErrorClassifier} calls AWS throttling. */
  private static final String THROTTLED = "Throttled";

  /** The deployment strategies of ECS services (DeploymentConfiguration.strategy). */
  private static final List<String> STRATEGIES =
      List.of("ROLLING", "BLUE_GREEN", "LINEAR", "CANARY");

  private static final String ROLLED_BACK = "Service deployments ECS rolled back";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** The account tag of calls made with the operator's own identity, in no AwsAccount. */
  public static final String OWN_ACCOUNT = "default";

  private final AtomicInteger leader = new AtomicInteger();

  public OperatorMetrics() {
    Gauge.builder("ecsoperator.leader", leader, AtomicInteger::get)
        .description("1 while this replica holds the leader Lease and reconciles, else 0")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    // Rollback alerts compare increases: the series exist from the start, at 0.
    for (String strategy : STRATEGIES) {
      deployments("rolledback", ROLLED_BACK, strategy);
    }
  }

  /** JOSDK's meters in the same registry, aggregated per kind rather than per object. */
  public Metrics josdkMetrics() {
    return MicrometerMetrics.withoutPerResourceMetrics(registry);
  }

  @Override
  public void onCall(String service, String operation, String outcome, Duration duration) {
    record(OWN_ACCOUNT, service, operation, outcome, duration);
  }

  /** Where the calls made in an AwsAccount go: the same meters, tagged with its name. */
  public AwsCallListener forAccount(String account) {
    return (service, operation, outcome, duration) ->
        record(account, service, operation, outcome, duration);
  }

  private void record(
      String account, String service, String operation, String outcome, Duration duration) {
    Timer.builder("ecsoperator.aws.calls")
        .description(
            "AWS API calls that reached the SDK, by AwsAccount, service, operation and outcome")
        .tag("account", account)
        .tag("service", service)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry)
        .record(duration);
    if (THROTTLED.equals(outcome)) {
      Counter.builder("ecsoperator.aws.throttled")
          .description("AWS API calls refused by AWS throttling")
          .tag("account", account)
          .tag("service", service)
          .tag("operation", operation)
          .register(registry)
          .increment();
    }
  }

  @Override
  public void reconciled(String kind, String operation, String result, Duration took) {
    Timer.builder("ecsoperator.reconciles")
        .description("Reconciles and deletion steps, by kind and how they ended")
        .tag("kind", kind)
        .tag("operation", operation)
        .tag("result", result)
        .register(registry)
        .record(took);
  }

  @Override
  public void driftCorrected(String kind) {
    Counter.builder("ecsoperator.drift.corrections")
        .description("Changes made outside the operator that it undid in AWS")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  /** Whether this replica reconciles (holds the leader Lease, or runs without election). */
  public void leading(boolean leading) {
    leader.set(leading ? 1 : 0);
  }

  @Override
  public void deploymentStarted(String strategy) {
    deployments("started", "Service deployments the operator saw start", strategy).increment();
  }

  @Override
  public void deploymentSucceeded(String strategy) {
    deployments("succeeded", "Service deployments that ended SUCCESSFUL", strategy).increment();
  }

  @Override
  public void deploymentRolledBack(String strategy) {
    deployments("rolledback", ROLLED_BACK, strategy).increment();
  }

  @Override
  public void stageEnded(String strategy, String stage, Duration took) {
    Timer.builder("ecsoperator.rollout.stage")
        .description("Time service deployments spent in each lifecycle stage, by strategy")
        .tag("strategy", strategy)
        .tag("stage", stage)
        .register(registry)
        .record(took);
  }

  private Counter deployments(String what, String description, String strategy) {
    return Counter.builder("ecsoperator.rollouts." + what)
        .description(description + ", by deployment strategy")
        .tag("strategy", strategy)
        .register(registry);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }
}

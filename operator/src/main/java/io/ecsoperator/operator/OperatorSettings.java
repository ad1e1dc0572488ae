package io.ecsoperator.operator;

import java.time.Duration;
import java.util.List;

/**
 * What {@code run} lets an administrator tune.
 *
 * @param resyncInterval how often each object is compared with AWS to correct drift
 * @param progressInterval how soon work in progress (a rollout, a deletion) is checked again
 * @param namespaces namespaces to watch; empty for all
 * @param concurrency reconciles running at once
 */
public record OperatorSettings(
    Duration resyncInterval, Duration progressInterval, List<String> namespaces, int concurrency) {

  public OperatorSettings {
    namespaces = List.copyOf(namespaces);
  }

  public static OperatorSettings defaults() {
    return new OperatorSettings(Duration.ofMinutes(10), Duration.ofSeconds(10), List.of(), 10);
  }

  public OperatorSettings withResyncInterval(Duration interval) {
    return new OperatorSettings(interval, progressInterval, namespaces, concurrency);
  }
}

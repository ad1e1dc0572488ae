package io.ecsoperator.reconcilers.aws;

import java.time.Duration;

/** Tuning of {@link AwsCallGuard}; tests shorten the waits. */
public record GuardSettings(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration rateLimitWait,
    Duration circuitOpenFor) {

  public static GuardSettings defaults() {
    return new GuardSettings(
        4,
        Duration.ofMillis(200),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30));
  }
}

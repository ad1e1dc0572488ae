package io.ecsoperator.reconcilers.aws;

import java.time.Duration;

/**
 * Tuning of {@link AwsCallGuard}; tests shorten the waits.
 *
 * @param rateShare the part of each {@link ApiCategory}'s burst and rate this process may use, in
 *     (0, 1]: operator shards over one AWS account and region split AWS's buckets, e.g. 0.5 each
 *     for two
 */
public record GuardSettings(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration rateLimitWait,
    Duration circuitOpenFor,
    double rateShare) {

  public GuardSettings {
    checkRateShare(rateShare);
  }

  /**
   * @throws IllegalArgumentException unless {@code share} is in (0, 1]
   */
  public static void checkRateShare(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "the AWS rate share must be more than 0 and at most 1, not " + share);
    }
  }

  /** The whole of every rate. */
  public GuardSettings(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration rateLimitWait,
      Duration circuitOpenFor) {
    this(maxAttempts, initialBackoff, maxBackoff, rateLimitWait, circuitOpenFor, 1);
  }

  public static GuardSettings defaults() {
    return new GuardSettings(
        4,
        Duration.ofMillis(200),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30));
  }

  public GuardSettings withRateShare(double share) {
    return new GuardSettings(
        maxAttempts, initialBackoff, maxBackoff, rateLimitWait, circuitOpenFor, share);
  }
}

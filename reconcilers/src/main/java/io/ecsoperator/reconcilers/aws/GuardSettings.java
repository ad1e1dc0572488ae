package io.ecsoperator.reconcilers.aws;

import io.ecsoperator.reconcilers.engine.RateLimitedException;
import java.time.Duration;

/**
 * Tuning of {@link AwsCallGuard}; tests shorten the waits.
 *
 * @param rateShare the part of each {@link ApiCategory}'s burst and rate this process may use, in
 *     (0, 1]: operator shards over one AWS account and region split AWS's buckets, e.g. 0.5 each
 *     for two
 * @param rateLimitWait the longest a call waits for its token, holding its thread
 * @param turnsHeldUpTo how far ahead a token is reserved and held for a caller that comes back for
 *     it ({@link RateLimitedException#comeBackIn()}) when it is due later than {@code
 *     rateLimitWait}; zero: such a call is refused and takes nothing
 */
public record GuardSettings(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration rateLimitWait,
    Duration circuitOpenFor,
    double rateShare,
    Duration turnsHeldUpTo) {

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
    this(maxAttempts, initialBackoff, maxBackoff, rateLimitWait, circuitOpenFor, 1, Duration.ZERO);
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
        maxAttempts,
        initialBackoff,
        maxBackoff,
        rateLimitWait,
        circuitOpenFor,
        share,
        turnsHeldUpTo);
  }

  /**
   * For callers that come back for a token when it is due (the operator reschedules the reconcile):
   * calls wait at most {@code wait} holding their thread, and later tokens up to {@code upTo} ahead
   * are held for them.
   */
  public GuardSettings withTurnsHeld(Duration wait, Duration upTo) {
    return new GuardSettings(
        maxAttempts, initialBackoff, maxBackoff, wait, circuitOpenFor, rateShare, upTo);
  }
}

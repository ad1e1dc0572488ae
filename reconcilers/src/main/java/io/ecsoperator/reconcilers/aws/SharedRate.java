package io.ecsoperator.reconcilers.aws;

import java.time.Duration;

/**
 * A share of an {@link ApiCategory}'s sustained rate as a rate limiter's grant: {@code permits}
 * every {@code period}. The grant is the smallest whole number of calls at least one, and the
 * period stretches so that the rate is exactly the share: 0.5 of 5 per second is 3 calls every 1.2
 * s, 0.5 of 1 per second one call every 2 s. Shards that each take their share of one account never
 * together exceed the sustained rate over time, and their grants together are at most one second's.
 */
record SharedRate(int permits, Duration period) {

  static SharedRate of(ApiCategory category, double share) {
    double perSecond = category.sustainedPerSecond() * share;
    int permits = (int) Math.max(1, Math.ceil(perSecond));
    return new SharedRate(permits, Duration.ofNanos(Math.round(permits / perSecond * 1e9)));
  }
}

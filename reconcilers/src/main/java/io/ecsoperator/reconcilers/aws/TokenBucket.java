package io.ecsoperator.reconcilers.aws;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The operator's side of one of AWS's token buckets (DESIGN §8; ECS developer guide, "Request
 * throttling for the Amazon ECS API"), a Bucket4j bucket: up to {@code capacity} calls at once,
 * then {@code perSecond}. A caller reserves the next token, which may lie in the future, and waits
 * for it: callers queue in the order they reserved, and a burst of work uses the whole burst AWS
 * allows instead of being spaced at the sustained rate from the first call.
 */
final class TokenBucket {

  /**
   * The part of AWS's burst we use: our calls reach AWS a little later or earlier than granted (a
   * slow network, a busy machine), and the tokens left over absorb that, e.g. 2 s of jitter at 1
   * call a second for a burst of 20.
   */
  static final double BURST_HEADROOM = 0.9;

  private final long capacity;
  private final double perSecond;
  private final Bucket bucket;

  TokenBucket(long capacity, double perSecond, TimeMeter clock) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    // One token per period, refilled greedily: a rate below one a second (a small share) too.
    Duration period = Duration.ofNanos(Math.round(1e9 / perSecond));
    this.bucket =
        Bucket.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, period))
            .withCustomTimePrecision(clock)
            .build();
  }

  /**
   * A share of a category's bucket: the sustained rate times the share, and the burst times the
   * share less the headroom (at least one call). Shards over one account that each take their share
   * together stay under AWS's bucket.
   */
  static TokenBucket of(ApiCategory category, double share, TimeMeter clock) {
    long capacity = Math.max(1, (long) Math.floor(category.burst() * share * BURST_HEADROOM));
    return new TokenBucket(capacity, category.sustainedPerSecond() * share, clock);
  }

  long capacity() {
    return capacity;
  }

  double perSecond() {
    return perSecond;
  }

  /**
   * Takes the next token without waiting for it.
   *
   * @return how long until it is there; null, taking nothing, when that is longer than {@code
   *     maxWait}
   */
  Duration reserve(Duration maxWait) {
    long[] wait = {0};
    // Bucket4j reserves the token and hands the wait to the blocking strategy: keep it instead.
    boolean reserved =
        bucket.asBlocking().tryConsumeUninterruptibly(1, maxWait, nanos -> wait[0] = nanos);
    return reserved ? Duration.ofNanos(wait[0]) : null;
  }
}

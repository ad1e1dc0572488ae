package io.ecsoperator.reconcilers.aws;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The operator's side of one of AWS's token buckets (DESIGN §8; ECS developer guide, "Request
 * throttling for the Amazon ECS API"): up to {@code capacity} calls at once, then {@code
 * perSecond}. A caller reserves the next token, which may lie in the future, and waits for it:
 * callers queue in the order they reserved, and a burst of work uses the whole burst AWS allows
 * instead of being spaced at the sustained rate from the first call.
 */
final class TokenBucket {

  /**
   * The part of AWS's burst we use: our calls reach AWS a little later or earlier than granted (a
   * slow network, a busy machine), and the tokens left over absorb that, e.g. 2 s of jitter at 1
   * call a second for a burst of 20.
   */
  static final double BURST_HEADROOM = 0.9;

  private final double capacity;
  private final double perSecond;
  private final LongSupplier nanoTime;
  private double tokens;
  private long countedAt;

  TokenBucket(double capacity, double perSecond, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
    this.tokens = capacity;
    this.countedAt = nanoTime.getAsLong();
  }

  /**
   * A share of a category's bucket: the sustained rate times the share, and the burst times the
   * share less the headroom (at least one call). Shards over one account that each take their share
   * together stay under AWS's bucket.
   */
  static TokenBucket of(ApiCategory category, double share, LongSupplier nanoTime) {
    double capacity = Math.max(1, Math.floor(category.burst() * share * BURST_HEADROOM));
    return new TokenBucket(capacity, category.sustainedPerSecond() * share, nanoTime);
  }

  double capacity() {
    return capacity;
  }

  double perSecond() {
    return perSecond;
  }

  /**
   * Takes the next token.
   *
   * @return how long to wait until it is there; null, taking nothing, when that is longer than
   *     {@code maxWait}
   */
  synchronized Duration reserve(Duration maxWait) {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + (now - countedAt) / 1e9 * perSecond);
    countedAt = now;
    long waitNanos = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perSecond * 1e9);
    if (waitNanos > maxWait.toNanos()) {
      return null;
    }
    tokens -= 1;
    return Duration.ofNanos(waitNanos);
  }
}

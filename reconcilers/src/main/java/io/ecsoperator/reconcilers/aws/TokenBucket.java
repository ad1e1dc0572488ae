package io.ecsoperator.reconcilers.aws;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.PriorityQueue;

/**
 * The operator's side of one of AWS's token buckets (DESIGN §8; ECS developer guide, "Request
 * throttling for the Amazon ECS API"), a Bucket4j bucket: up to {@code capacity} calls at once,
 * then {@code perSecond}. A caller reserves the next token, which may lie in the future, and waits
 * for it: callers queue in the order they reserved, and a burst of work uses the whole burst AWS
 * allows instead of being spaced at the sustained rate from the first call.
 *
 * <p>A caller whose token lies further off than it may wait can have it held instead ({@link
 * #take}): it comes back when the token is due, without holding a thread meanwhile, and takes a
 * held token then.
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
  private final TimeMeter clock;

  /**
   * How late a held token may still be used: the headroom's tokens at the sustained rate. A call
   * later than that could meet the calls granted after it within AWS's burst.
   */
  private final long lateness;

  /** When the held tokens are due, in the clock's nanoseconds. */
  private final PriorityQueue<Long> held = new PriorityQueue<>();

  TokenBucket(long capacity, double perSecond, double awsBurst, TimeMeter clock) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.clock = clock;
    this.lateness = Math.round(Math.max(0, awsBurst - capacity) / perSecond * 1e9);
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
    double awsBurst = category.burst() * share;
    long capacity = Math.max(1, (long) Math.floor(awsBurst * BURST_HEADROOM));
    return new TokenBucket(capacity, category.sustainedPerSecond() * share, awsBurst, clock);
  }

  long capacity() {
    return capacity;
  }

  double perSecond() {
    return perSecond;
  }

  /** What {@link #take} gives: a token after {@code after}, or one held until then. */
  record Turn(Duration after, boolean held) {}

  /**
   * Takes a held token due within {@code maxWait} if there is one (its caller's, or another's that
   * is late: that one takes the next), else the next token.
   *
   * @return the token and how long until it is there; when that is longer than {@code maxWait} the
   *     token is held for a caller coming back then, up to {@code holdUpTo} ahead; null, taking
   *     nothing, when it is further off still
   */
  synchronized Turn take(Duration maxWait, Duration holdUpTo) {
    long now = clock.currentTimeNanos();
    while (!held.isEmpty() && held.peek() < now - lateness) {
      held.poll();
    }
    if (!held.isEmpty() && held.peek() <= now + maxWait.toNanos()) {
      return new Turn(Duration.ofNanos(Math.max(0, held.poll() - now)), false);
    }
    Duration wait = reserve(holdUpTo.compareTo(maxWait) > 0 ? holdUpTo : maxWait);
    if (wait == null) {
      return null;
    }
    boolean later = wait.compareTo(maxWait) > 0;
    if (later) {
      held.add(now + wait.toNanos());
    }
    return new Turn(wait, later);
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

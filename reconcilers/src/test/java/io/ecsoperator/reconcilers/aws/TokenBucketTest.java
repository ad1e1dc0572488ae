package io.ecsoperator.reconcilers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.reconcilers.engine.RateLimitedException;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final Duration LONG = Duration.ofMinutes(10);
  private final TestClock clock = new TestClock();

  /** A clock the test moves. */
  private static final class TestClock implements TimeMeter {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }

  private void advanceMillis(long millis) {
    clock.nanos.addAndGet(millis * 1_000_000);
  }

  @Test
  void aBurstGoesAtOnceThenCallsQueueAtTheSustainedRate() {
    TokenBucket bucket = new TokenBucket(3, 2, 3, clock);

    for (int i = 0; i < 3; i++) {
      assertThat(bucket.reserve(LONG)).as("call %d of the burst", i).isZero();
    }
    assertThat(bucket.reserve(LONG)).isEqualTo(Duration.ofMillis(500));
    assertThat(bucket.reserve(LONG))
        .as("queued behind the one before")
        .isEqualTo(Duration.ofSeconds(1));
    advanceMillis(1000);
    assertThat(bucket.reserve(LONG)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aQuietBucketRefillsUpToItsCapacityOnly() {
    TokenBucket bucket = new TokenBucket(2, 1, 2, clock);
    bucket.reserve(LONG);
    bucket.reserve(LONG);
    advanceMillis(60_000);

    assertThat(bucket.reserve(LONG)).isZero();
    assertThat(bucket.reserve(LONG)).isZero();
    assertThat(bucket.reserve(LONG))
        .as("never more than 2 at once")
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aCallThatWouldWaitTooLongTakesNoToken() {
    TokenBucket bucket = new TokenBucket(1, 1, 1, clock);
    bucket.reserve(LONG);

    assertThat(bucket.reserve(Duration.ofMillis(999))).isNull();
    assertThat(bucket.reserve(Duration.ofSeconds(1)))
        .as("the refused one left its turn")
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aTokenDueLaterThanTheWaitIsHeldForTheCallerComingBack() {
    TokenBucket bucket = new TokenBucket(1, 1, 3, clock);
    Duration wait = Duration.ofMillis(500);

    assertThat(bucket.take(wait, LONG)).isEqualTo(new TokenBucket.Turn(Duration.ZERO, false));
    assertThat(bucket.take(wait, LONG))
        .isEqualTo(new TokenBucket.Turn(Duration.ofSeconds(1), true));
    assertThat(bucket.take(wait, LONG))
        .isEqualTo(new TokenBucket.Turn(Duration.ofSeconds(2), true));
    advanceMillis(800);

    assertThat(bucket.take(wait, LONG))
        .as("back shortly before its token is due: it waits for it")
        .isEqualTo(new TokenBucket.Turn(Duration.ofMillis(200), false));
    assertThat(bucket.take(wait, LONG))
        .as("the next held token is not due yet: a new one, after it")
        .isEqualTo(new TokenBucket.Turn(Duration.ofMillis(2200), true));
  }

  @Test
  void aHeldTokenNotTakenWithinTheHeadroomIsLost() {
    // AWS's burst of 3 less ours of 1: a held token may be taken up to 2 s late.
    TokenBucket bucket = new TokenBucket(1, 1, 3, clock);
    Duration wait = Duration.ofMillis(500);
    bucket.take(wait, LONG);
    bucket.take(wait, LONG);
    bucket.take(wait, LONG);
    advanceMillis(3_500);

    assertThat(bucket.take(wait, LONG))
        .as("the token due at 1 s is lost; the one due at 2 s is still good")
        .isEqualTo(new TokenBucket.Turn(Duration.ZERO, false));
    assertThat(bucket.take(wait, LONG))
        .as("none held any more: the bucket's next token")
        .isEqualTo(new TokenBucket.Turn(Duration.ZERO, false));
  }

  @Test
  void aTokenFurtherOffThanTokensAreHeldIsRefusedTakingNothing() {
    TokenBucket bucket = new TokenBucket(1, 1, 1, clock);
    Duration wait = Duration.ofMillis(500);
    bucket.take(wait, Duration.ofSeconds(1));
    bucket.take(wait, Duration.ofSeconds(1));

    assertThat(bucket.take(wait, Duration.ofSeconds(1))).isNull();
    advanceMillis(1_000);
    assertThat(bucket.take(wait, Duration.ofSeconds(1)))
        .as("the refused one left its turn")
        .isEqualTo(new TokenBucket.Turn(Duration.ZERO, false));
  }

  @Test
  void aGuardHoldingTokensPutsTheCallOffUntilItsTurn() {
    AwsCallGuard holding =
        new AwsCallGuard(
            "holding",
            GuardSettings.defaults().withTurnsHeld(Duration.ofMillis(10), Duration.ofHours(1)));
    AtomicInteger calls = new AtomicInteger();
    for (int i = 0; i < 18; i++) {
      holding.callOnce(ApiCategory.ECS_TASK_DEFINITION_MODIFY, calls::incrementAndGet);
    }

    assertThatThrownBy(
            () -> holding.callOnce(ApiCategory.ECS_TASK_DEFINITION_MODIFY, calls::incrementAndGet))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            limited ->
                assertThat(limited.comeBackIn())
                    .hasValueSatisfying(
                        in ->
                            assertThat(in)
                                .as("a second at 1 a second, less half the wait")
                                .isBetween(Duration.ofMillis(900), Duration.ofMillis(995))));
    assertThat(calls).hasValue(18);
  }

  @Test
  void theOperatorsBucketIsAwssBurstLessHeadroomAtAwssRate() {
    assertBucket(ApiCategory.ECS_TASK_DEFINITION_MODIFY, 1, 18, 1);
    assertBucket(ApiCategory.ECS_SERVICE_MODIFY, 1, 45, 5);
  }

  @Test
  void aShareScalesBurstAndRateAndLeavesAtLeastOneCall() {
    assertBucket(ApiCategory.ECS_SERVICE_MODIFY, 0.5, 22, 2.5);
    assertBucket(ApiCategory.ECS_TASK_DEFINITION_DELETE, 0.1, 1, 0.1);
  }

  private void assertBucket(ApiCategory category, double share, long capacity, double rate) {
    TokenBucket bucket = TokenBucket.of(category, share, clock);
    assertThat(bucket.capacity()).as("%s at %s: capacity", category, share).isEqualTo(capacity);
    assertThat(bucket.perSecond())
        .as("%s at %s: rate", category, share)
        .isCloseTo(rate, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aGuardWithHalfTheShareRefusesTheCallsBeyondHalfTheBurst() {
    AwsCallGuard half =
        new AwsCallGuard(
            "half",
            new GuardSettings(
                    1,
                    Duration.ofMillis(1),
                    Duration.ofMillis(2),
                    Duration.ofMillis(10),
                    Duration.ofSeconds(30))
                .withRateShare(0.5));
    AtomicInteger calls = new AtomicInteger();
    // Half of ECS's 100 service reads at once, less the headroom.
    for (int i = 0; i < 45; i++) {
      half.call(ApiCategory.ECS_SERVICE_READ, calls::incrementAndGet);
    }

    assertThatThrownBy(() -> half.call(ApiCategory.ECS_SERVICE_READ, calls::incrementAndGet))
        .isInstanceOf(RateLimitedException.class);
    assertThat(calls).hasValue(45);
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> GuardSettings.defaults().withRateShare(0))
        .hasMessageContaining("more than 0 and at most 1");
    assertThatThrownBy(() -> GuardSettings.defaults().withRateShare(1.5))
        .hasMessageContaining("more than 0 and at most 1");
  }
}

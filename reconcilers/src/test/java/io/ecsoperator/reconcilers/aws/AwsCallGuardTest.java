package io.ecsoperator.reconcilers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.reconcilers.engine.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsCallGuardTest {

  /** Backoff long enough that a retry would reach the next rate-limit period and succeed. */
  private final AwsCallGuard guard =
      new AwsCallGuard(
          "test",
          new GuardSettings(
              4,
              Duration.ofMillis(400),
              Duration.ofSeconds(2),
              Duration.ofMillis(10),
              Duration.ofSeconds(30)));

  @Test
  void theRateLimitersRefusalIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    // ECS task definition writes: a burst of 20 (18 of it ours), then one call per second.
    for (int i = 0; i < 18; i++) {
      guard.call(ApiCategory.ECS_TASK_DEFINITION_MODIFY, calls::incrementAndGet);
    }

    assertThatThrownBy(
            () -> guard.call(ApiCategory.ECS_TASK_DEFINITION_MODIFY, calls::incrementAndGet))
        .isInstanceOf(RateLimitedException.class);
    assertThat(calls).hasValue(18);
  }

  @Test
  void aCallThatIsNotIdempotentIsNotRetried() {
    AwsCallGuard quick =
        new AwsCallGuard(
            "quick",
            new GuardSettings(
                4,
                Duration.ofMillis(1),
                Duration.ofMillis(2),
                Duration.ofMillis(10),
                Duration.ofSeconds(30)));
    AtomicInteger onceCalls = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> quick.callOnce(ApiCategory.ECS_SERVICE_READ, lostResponse(onceCalls)))
        .isInstanceOf(SdkClientException.class);
    assertThatThrownBy(() -> quick.call(ApiCategory.ECS_SERVICE_READ, lostResponse(calls)))
        .isInstanceOf(SdkClientException.class);

    assertThat(onceCalls).hasValue(1);
    assertThat(calls).as("the same error is retried by call").hasValue(4);
  }

  /** A call whose response is lost on the way back, counting its attempts. */
  private static Supplier<Object> lostResponse(AtomicInteger attempts) {
    return () -> {
      attempts.incrementAndGet();
      throw SdkClientException.create("connection reset");
    };
  }

  @Test
  void categoriesHaveTheirOwnLimits() {
    AtomicInteger calls = new AtomicInteger();
    guard.call(ApiCategory.ECS_TASK_DEFINITION_MODIFY, calls::incrementAndGet);

    guard.call(ApiCategory.ECS_SERVICE_READ, calls::incrementAndGet);

    assertThat(calls).hasValue(2);
  }
}

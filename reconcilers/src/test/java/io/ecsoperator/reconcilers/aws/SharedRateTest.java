package io.ecsoperator.reconcilers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedRateTest {

  @Test
  void theWholeShareIsTheCategorysRatePerSecond() {
    assertThat(SharedRate.of(ApiCategory.ECS_SERVICE_READ, 1))
        .isEqualTo(new SharedRate(20, Duration.ofSeconds(1)));
  }

  @Test
  void aShareScalesTheSustainedRateExactly() {
    assertThat(SharedRate.of(ApiCategory.ECS_SERVICE_READ, 0.5))
        .isEqualTo(new SharedRate(10, Duration.ofSeconds(1)));
    assertThat(SharedRate.of(ApiCategory.ECS_SERVICE_MODIFY, 0.5))
        .as("2.5 per second: 3 calls every 1.2 s")
        .isEqualTo(new SharedRate(3, Duration.ofMillis(1200)));
    assertThat(SharedRate.of(ApiCategory.ECS_TASK_DEFINITION_MODIFY, 0.25))
        .as("a quarter of one per second: one call every 4 s")
        .isEqualTo(new SharedRate(1, Duration.ofSeconds(4)));
  }

  @Test
  void everyCategorysSharedRateIsItsSustainedRateTimesTheShare() {
    for (ApiCategory category : ApiCategory.values()) {
      for (double share : new double[] {1, 0.5, 1.0 / 3, 0.1}) {
        SharedRate rate = SharedRate.of(category, share);
        double perSecond = rate.permits() / (rate.period().toNanos() / 1e9);
        assertThat(perSecond)
            .as("%s at %s", category, share)
            .isCloseTo(
                category.sustainedPerSecond() * share, org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }

  @Test
  void aGuardWithHalfTheRateRefusesTheCallsBeyondHalf() {
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
    for (int i = 0; i < 10; i++) {
      half.call(ApiCategory.ECS_SERVICE_READ, calls::incrementAndGet);
    }

    assertThatThrownBy(() -> half.call(ApiCategory.ECS_SERVICE_READ, calls::incrementAndGet))
        .isInstanceOf(RequestNotPermitted.class);
    assertThat(calls).hasValue(10);
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> GuardSettings.defaults().withRateShare(0))
        .hasMessageContaining("more than 0 and at most 1");
    assertThatThrownBy(() -> GuardSettings.defaults().withRateShare(1.5))
        .hasMessageContaining("more than 0 and at most 1");
  }
}

package io.ecsoperator.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The grid of drift checks: one instant per group and interval, spread over the interval. */
class DriftCheckScheduleTest {

  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final String SHOP = "us-east-1/shop";
  private static final Instant START = Instant.parse("2025-03-15T10:00:00Z");

  @Test
  void objectsOfAGroupReconciledAtDifferentTimesAreCheckedAtTheSameInstant() {
    Instant due = next(START);
    Instant reconciledBefore = due.minus(TEN_MINUTES).plusMillis(1);
    Instant reconciledJustBefore = due.minusMillis(1);

    assertThat(next(reconciledBefore)).isEqualTo(due);
    assertThat(next(reconciledJustBefore)).isEqualTo(due);
    assertThat(next(due))
        .as("checked at its instant: the next check is one interval later")
        .isEqualTo(due.plus(TEN_MINUTES));
  }

  @Test
  void theNextCheckIsStrictlyAfterNowAndAtMostOneIntervalAway() {
    Instant due = next(START);

    assertThat(DriftCheckSchedule.untilNext(due, TEN_MINUTES, SHOP)).isEqualTo(TEN_MINUTES);
    assertThat(DriftCheckSchedule.untilNext(due.minusMillis(1), TEN_MINUTES, SHOP))
        .isEqualTo(Duration.ofMillis(1));
    assertThat(DriftCheckSchedule.untilNext(due.plusMillis(1), TEN_MINUTES, SHOP))
        .isEqualTo(TEN_MINUTES.minusMillis(1));
    assertThat(Math.floorMod(due.toEpochMilli(), TEN_MINUTES.toMillis()))
        .isEqualTo(DriftCheckSchedule.phase(SHOP, TEN_MINUTES));
  }

  @Test
  void groupsWithSimilarNamesGetPhasesSpreadOverTheInterval() {
    Map<Long, Long> perMinute =
        IntStream.range(0, 1000)
            .mapToObj(i -> String.format("EcsTaskDefinition/shop/web-%03d", i))
            .collect(
                Collectors.groupingBy(
                    group ->
                        DriftCheckSchedule.phase(group, TEN_MINUTES)
                            / Duration.ofMinutes(1).toMillis(),
                    Collectors.counting()));

    assertThat(perMinute).hasSize(10);
    assertThat(perMinute.values()).allSatisfy(n -> assertThat(n).isBetween(60L, 140L));
  }

  private static Instant next(Instant now) {
    return now.plus(DriftCheckSchedule.untilNext(now, TEN_MINUTES, SHOP));
  }
}

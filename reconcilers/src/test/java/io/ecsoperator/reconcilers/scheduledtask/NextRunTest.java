package io.ecsoperator.reconcilers.scheduledtask;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NextRunTest {

  private static final Instant NOW = Instant.parse("2026-12-07T04:20:00Z");
  private static final Instant CREATED = Instant.parse("2026-12-07T01:05:30Z");

  @Test
  void aRateRunsEveryPeriodFromWhenTheScheduleWasCreated() {
    assertThat(NextRun.after(NOW, "rate(1 hour)", null, CREATED, null, null))
        .contains(Instant.parse("2026-12-07T05:05:30Z"));
    assertThat(NextRun.after(NOW, "rate(15 minutes)", null, CREATED, null, null))
        .contains(Instant.parse("2026-12-07T04:20:30Z"));
  }

  @Test
  void aRateWithALaterStartDateRunsFirstAtTheStart() {
    Instant start = Instant.parse("2026-12-24T00:00:00Z");

    assertThat(NextRun.after(NOW, "rate(2 days)", null, CREATED, start, null)).contains(start);
  }

  @Test
  void anAtRunsOnceAtThatTimeOfItsTimeZone() {
    assertThat(NextRun.after(NOW, "at(2026-12-24T18:00:00)", "Europe/Paris", CREATED, null, null))
        .contains(Instant.parse("2026-12-24T17:00:00Z"));
    assertThat(NextRun.after(NOW, "at(2026-12-01T18:00:00)", null, CREATED, null, null)).isEmpty();
  }

  @Test
  void nothingRunsAfterTheEndDate() {
    Instant end = Instant.parse("2026-12-07T05:00:00Z");

    assertThat(NextRun.after(NOW, "rate(1 hour)", null, CREATED, null, end)).isEmpty();
  }

  @Test
  void aCronRunsAtTheNextTimeItNamesInItsTimeZone() {
    assertThat(NextRun.after(NOW, "cron(30 2 * * ? *)", null, CREATED, null, null))
        .contains(Instant.parse("2026-12-08T02:30:00Z"));
    assertThat(NextRun.after(NOW, "cron(0 9 ? * MON-FRI *)", "Asia/Tokyo", CREATED, null, null))
        .contains(Instant.parse("2026-12-08T00:00:00Z"));
  }

  @Test
  void aCronRunsFirstAtOrAfterItsStartDateAndNotAfterItsEndDate() {
    Instant start = Instant.parse("2026-12-24T02:30:00Z");

    assertThat(NextRun.after(NOW, "cron(30 2 * * ? *)", null, CREATED, start, null))
        .contains(start);
    assertThat(
            NextRun.after(
                NOW,
                "cron(30 2 * * ? *)",
                null,
                CREATED,
                null,
                Instant.parse("2026-12-08T00:00:00Z")))
        .isEmpty();
  }

  @Test
  void aCronThatCannotBeReadHasNoKnownNextRun() {
    assertThat(NextRun.after(NOW, "cron(30 2 * * MON *)", null, CREATED, null, null)).isEmpty();
  }
}

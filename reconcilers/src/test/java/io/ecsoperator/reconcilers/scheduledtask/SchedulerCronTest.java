package io.ecsoperator.reconcilers.scheduledtask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SchedulerCronTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  // A Monday.
  private static final Instant MONDAY = Instant.parse("2026-12-07T04:20:00Z");

  private static Instant next(String fields, String after, String zone) {
    return SchedulerCron.parse(fields).next(Instant.parse(after), ZoneId.of(zone)).orElseThrow();
  }

  @Test
  void weekdaysByNameSkipTheWeekend() {
    assertThat(next("0 2 ? * MON-FRI *", "2026-12-11T03:00:00Z", "UTC"))
        .isEqualTo(Instant.parse("2026-12-14T02:00:00Z"));
    assertThat(next("0 2 ? * MON-FRI *", "2026-12-07T01:59:00Z", "UTC"))
        .isEqualTo(Instant.parse("2026-12-07T02:00:00Z"));
  }

  @Test
  void dayOfWeekNumbersStartAtSunday() {
    // 2 is Monday, 1 is Sunday.
    assertThat(next("0 8 ? * 2 *", "2026-12-08T00:00:00Z", "UTC"))
        .isEqualTo(Instant.parse("2026-12-14T08:00:00Z"));
    assertThat(next("0 8 ? * 1 *", "2026-12-08T00:00:00Z", "UTC"))
        .isEqualTo(Instant.parse("2026-12-13T08:00:00Z"));
  }

  @Test
  void lastDayOfTheMonth() {
    assertThat(next("15 10 L * ? *", MONDAY.toString(), "UTC"))
        .isEqualTo(Instant.parse("2026-12-31T10:15:00Z"));
    assertThat(next("15 10 L * ? *", "2027-02-01T00:00:00Z", "UTC"))
        .isEqualTo(Instant.parse("2027-02-28T10:15:00Z"));
  }

  @Test
  void theThirdFridayOfTheMonth() {
    // December 2026: Fridays are the 4th, 11th and 18th.
    assertThat(next("0 9 ? * 6#3 *", MONDAY.toString(), "UTC"))
        .isEqualTo(Instant.parse("2026-12-18T09:00:00Z"));
    assertThat(next("0 9 ? * 6#3 *", "2026-12-18T09:00:00Z", "UTC"))
        .isEqualTo(Instant.parse("2027-01-15T09:00:00Z"));
  }

  @Test
  void theLastFridayAndTheNearestWeekday() {
    assertThat(next("0 9 ? * 6L *", MONDAY.toString(), "UTC"))
        .isEqualTo(Instant.parse("2026-12-25T09:00:00Z"));
    // 2027-05-15 is a Saturday: its nearest weekday is Friday the 14th.
    assertThat(next("0 9 15W * ? *", "2027-05-01T00:00:00Z", "UTC"))
        .isEqualTo(Instant.parse("2027-05-14T09:00:00Z"));
  }

  @Test
  void stepsAndTheYearField() {
    assertThat(next("0/15 * * * ? *", MONDAY.toString(), "UTC"))
        .isEqualTo(Instant.parse("2026-12-07T04:30:00Z"));
    assertThat(next("0 0 1 1 ? 2028", MONDAY.toString(), "UTC"))
        .isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
    assertThat(SchedulerCron.parse("0 0 1 1 ? 2020").next(MONDAY, UTC)).isEmpty();
  }

  @Test
  void theTimeZoneNamesTheWallClock() {
    // Paris is UTC+1 in December and UTC+2 in July.
    assertThat(next("0 9 * * ? *", MONDAY.toString(), "Europe/Paris"))
        .isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
    assertThat(next("0 9 * * ? *", "2027-07-01T00:00:00Z", "Europe/Paris"))
        .isEqualTo(Instant.parse("2027-07-01T07:00:00Z"));
  }

  @Test
  void aTimeThatDaylightSavingSkipsDoesNotRun() {
    // New York springs forward at 02:00 on 2027-03-14: 02:30 does not exist that day.
    assertThat(next("30 2 * * ? *", "2027-03-13T08:00:00Z", "America/New_York"))
        .isEqualTo(Instant.parse("2027-03-15T06:30:00Z"));
  }

  @Test
  void aTimeThatDaylightSavingRepeatsRunsOnce() {
    // New York falls back at 02:00 on 2027-11-07: 01:30 happens at 05:30Z and again at 06:30Z.
    Instant first = next("30 1 * * ? *", "2027-11-07T04:00:00Z", "America/New_York");
    assertThat(first).isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
    assertThat(next("30 1 * * ? *", first.toString(), "America/New_York"))
        .isEqualTo(Instant.parse("2027-11-08T06:30:00Z"));
  }

  @Test
  void bothOrNeitherDayFieldsAreRefused() {
    assertThatThrownBy(() -> SchedulerCron.parse("0 9 * * MON *"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SchedulerCron.parse("0 9 ? * ? *"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SchedulerCron.parse("0 9 * * ?"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

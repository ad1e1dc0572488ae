package io.ecsoperator.reconcilers.scheduledtask;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an enabled schedule next starts a run, for the expressions whose next time follows from the
 * schedule alone: {@code at(...)} runs once at that local time of the schedule's time zone; {@code
 * rate(n unit)} runs every period from its start (StartDate, else when it was created); {@code
 * cron(...)} runs at the next time its fields name in that time zone, from its StartDate on.
 */
public final class NextRun {

  private static final Pattern AT = Pattern.compile("^at\\((.+)\\)$");
  private static final Pattern CRON = Pattern.compile("^cron\\((.+)\\)$");
  private static final Pattern RATE = Pattern.compile("^rate\\((\\d+) (minute|hour|day)s?\\)$");

  private NextRun() {}

  /**
   * @param timeZone the schedule's time zone; null for UTC
   * @param created when the schedule was created
   * @param start its StartDate; null when none
   * @param end its EndDate; null when none
   */
  public static Optional<Instant> after(
      Instant now,
      String expression,
      String timeZone,
      Instant created,
      Instant start,
      Instant end) {
    Optional<Instant> next = Optional.empty();
    Matcher at = AT.matcher(expression);
    Matcher rate = RATE.matcher(expression);
    Matcher cron = CRON.matcher(expression);
    ZoneId zone = ZoneId.of(timeZone == null ? "UTC" : timeZone);
    if (at.matches()) {
      next =
          Optional.of(LocalDateTime.parse(at.group(1)).atZone(zone).toInstant())
              .filter(t -> t.isAfter(now));
    } else if (rate.matches() && created != null) {
      Duration period = unit(rate.group(2)).multipliedBy(Long.parseLong(rate.group(1)));
      Instant from = start != null && start.isAfter(created) ? start : created;
      long periods = from.isAfter(now) ? 0 : Duration.between(from, now).dividedBy(period) + 1;
      next = Optional.of(from.plus(period.multipliedBy(periods)));
    } else if (cron.matches()) {
      // StartDate is the first instant a run may happen, so search from just before it.
      Instant from = start != null && start.isAfter(now) ? start.minusNanos(1) : now;
      next = nextOfCron(cron.group(1), from, zone);
    }
    return next.filter(t -> start == null || !t.isBefore(start))
        .filter(t -> end == null || t.isBefore(end));
  }

  /** An expression that cannot be read leaves the next run unknown; it does not fail the read. */
  private static Optional<Instant> nextOfCron(String fields, Instant from, ZoneId zone) {
    try {
      return SchedulerCron.parse(fields).next(from, zone);
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private static Duration unit(String unit) {
    return switch (unit) {
      case "minute" -> Duration.ofMinutes(1);
      case "hour" -> Duration.ofHours(1);
      default -> Duration.ofDays(1);
    };
  }
}

package io.ecsoperator.reconcilers.scheduledtask;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * EventBridge Scheduler's cron dialect ("Schedule types on EventBridge Scheduler"): six fields,
 * minutes hours day-of-month month day-of-week year; exactly one of the two day fields is {@code
 * ?}; {@code L} and {@code W} in day-of-month, {@code L} and {@code #} in day-of-week, whose days
 * are 1-7 or SUN-SAT with Sunday 1; years 1970-2199. Times are read in the schedule's time zone: a
 * time that daylight saving skips does not run, a time it repeats runs once.
 */
final class SchedulerCron {

  private static final CronDefinition DIALECT =
      CronDefinitionBuilder.defineCron()
          .withMinutes()
          .withValidRange(0, 59)
          .and()
          .withHours()
          .withValidRange(0, 23)
          .and()
          .withDayOfMonth()
          .withValidRange(1, 31)
          .supportsL()
          .supportsW()
          .supportsLW()
          .supportsQuestionMark()
          .and()
          .withMonth()
          .withValidRange(1, 12)
          .and()
          .withDayOfWeek()
          .withValidRange(1, 7)
          .withMondayDoWValue(2)
          .supportsL()
          .supportsHash()
          .supportsQuestionMark()
          .and()
          .withYear()
          .withValidRange(1970, 2199)
          .and()
          .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
          .instance();

  private static final CronParser PARSER = new CronParser(DIALECT);

  private final ExecutionTime times;

  private SchedulerCron(Cron cron) {
    this.times = ExecutionTime.forCron(cron);
  }

  /**
   * @param fields the six fields inside {@code cron(...)}
   * @throws IllegalArgumentException when they are not Scheduler's cron
   */
  static SchedulerCron parse(String fields) {
    return new SchedulerCron(PARSER.parse(fields.trim()));
  }

  /** The first time strictly after {@code after} that the expression names in {@code zone}. */
  Optional<Instant> next(Instant after, ZoneId zone) {
    Optional<ZonedDateTime> next = times.nextExecution(after.atZone(zone));
    while (next.isPresent() && !runs(next.get())) {
      next = times.nextExecution(next.get());
    }
    return next.map(ZonedDateTime::toInstant);
  }

  /**
   * A time shifted out of a daylight-saving gap is not one the expression names; a repeated wall
   * clock time runs at its first occurrence only.
   */
  private boolean runs(ZonedDateTime time) {
    return times.isMatch(time) && time.withEarlierOffsetAtOverlap().equals(time);
  }
}

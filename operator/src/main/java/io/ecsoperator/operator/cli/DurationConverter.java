package io.ecsoperator.operator.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people write them: 90s, 5m, 1h30m, or ISO-8601 (PT5M). */
public final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern PARTS = Pattern.compile("(\\d+)(h|ms|m|s)");
  private static final Pattern WHOLE = Pattern.compile("((\\d+)(h|ms|m|s))+");

  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    if (text.startsWith("pt")) {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    }
    if (!WHOLE.matcher(text).matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration: write e.g. 90s, 5m or 1h30m");
    }
    Duration total = Duration.ZERO;
    Matcher part = PARTS.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
              });
    }
    return total;
  }

  /** {@code PT1M30S} as {@code 1m30s}. */
  public static String format(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}

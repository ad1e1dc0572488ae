package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsWhatPeopleWrite() {
    assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationConverter.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
  }

  @Test
  void refusesAnythingElse() {
    assertThatThrownBy(() -> converter.convert("soon"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("90s, 5m or 1h30m");
    assertThatThrownBy(() -> converter.convert("5")).isInstanceOf(TypeConversionException.class);
  }
}

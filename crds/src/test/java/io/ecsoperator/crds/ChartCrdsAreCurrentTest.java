package io.ecsoperator.crds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart ships a copy of the generated CRDs; this fails when the copy is stale. */
class ChartCrdsAreCurrentTest {

  private static final String HOW_TO_FIX =
      "the chart's CRDs are stale: run ./mvnw -pl crds -P update-crds process-classes";

  private final Path generated = Path.of(System.getProperty("generated.crds.dir"));
  private final Path chart = Path.of(System.getProperty("chart.crds.dir"));

  @Test
  void everyGeneratedCrdIsInTheChartUnchanged() throws IOException {
    List<Path> crds = list(generated);
    assertThat(crds).as("generated CRDs").isNotEmpty();
    for (Path crd : crds) {
      Path copy = chart.resolve(crd.getFileName());
      assertThat(copy).as(HOW_TO_FIX).exists();
      assertThat(Files.readString(copy))
          .as(HOW_TO_FIX + " (" + copy + ")")
          .isEqualTo(Files.readString(crd));
    }
  }

  @Test
  void theChartHasNoCrdThatIsNoLongerGenerated() throws IOException {
    List<Path> names = list(generated).stream().map(Path::getFileName).toList();
    assertThat(list(chart).stream().map(Path::getFileName).toList())
        .as(HOW_TO_FIX)
        .containsExactlyInAnyOrderElementsOf(names);
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith("-v1.yml")).sorted().toList();
    }
  }
}

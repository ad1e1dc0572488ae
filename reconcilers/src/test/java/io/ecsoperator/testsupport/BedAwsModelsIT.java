package io.ecsoperator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The own tests of the bed's AWS models (testbed/aws, Python unittest against the bed's server in
 * process), run in the README's test command with the interpreter the bed uses.
 */
class BedAwsModelsIT {

  @Test
  void theModelsPassTheirOwnTests() {
    Path root = TestBed.get().repoRoot();
    String python =
        Processes.run(
                root,
                Map.of(),
                null,
                Duration.ofMinutes(10),
                root.resolve("testbed/install-moto").toString())
            .assertSuccess("testbed/install-moto")
            .stdout()
            .strip()
            .lines()
            .reduce((first, second) -> second)
            .orElseThrow();
    Processes.Result result =
        Processes.run(
            root.resolve("testbed/aws"),
            Map.of("ECSBED_TIME_SCALE", "1"),
            null,
            Duration.ofMinutes(10),
            python,
            "-m",
            "unittest",
            "discover",
            "-s",
            ".",
            "-p",
            "test_*.py",
            "-v");
    System.out.println(result.stderr());
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).containsPattern("Ran [1-9][0-9]* tests").contains("\nOK");
  }
}

package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's main-job command, run as a user runs it. It gets a test bed of its own (its own
 * TESTBED_DIR), apart from the bed the other ITs of this module share, and stops it afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIT {

  private final Path repo = TestBed.get().repoRoot();
  private final Path state =
      Path.of(System.getProperty("user.dir"), "target", "demo-testbed").toAbsolutePath();

  @Test
  void bringsEverythingUpAppliesTheQuickstartAndShowsIt() {
    Processes.Result demo =
        Processes.run(
            repo,
            Map.of("TESTBED_DIR", state.toString()),
            null,
            Duration.ofMinutes(15),
            repo.resolve("testbed/demo").toString());

    assertThat(demo.exitCode()).as(demo.output()).isZero();
    assertThat(demo.stderr())
        .contains("demo: installing the CRDs")
        .contains("demo: operator started")
        .contains("ecrrepository.ecsoperator.io/web condition met")
        .contains("ecscluster.ecsoperator.io/quickstart condition met")
        .contains("ecstaskdefinition.ecsoperator.io/web condition met")
        .contains("ecsservice.ecsoperator.io/web condition met");
    assertThat(demo.stdout())
        .containsPattern("ecrrepository.ecsoperator.io/web +True +in sync with AWS")
        .containsPattern("ecscluster.ecsoperator.io/quickstart +True +in sync with AWS")
        .containsPattern("ecstaskdefinition.ecsoperator.io/web +True +in sync with AWS")
        .containsPattern("ecsservice.ecsoperator.io/web +True +in sync with AWS +2 +2 +COMPLETED")
        .containsPattern("quickstart/web +IMMUTABLE +True +default/web")
        .containsPattern("quickstart +ACTIVE +FARGATE,FARGATE_SPOT +0 +default/quickstart")
        .containsPattern("(?m)^ +quickstart-web$")
        .containsPattern("quickstart +quickstart-web +ACTIVE +2/2 +quickstart-web:1")
        .contains("Plan: 0 to create, 0 to update, 0 blocked, 4 unchanged.")
        .contains(
            "To stop everything:                      TESTBED_DIR=" + state + " testbed/down");

    Processes.Result again =
        Processes.run(
            repo,
            Map.of("TESTBED_DIR", state.toString()),
            null,
            Duration.ofMinutes(5),
            repo.resolve("testbed/demo").toString());
    assertThat(again.exitCode()).as("idempotent\n%s", again.output()).isZero();
    assertThat(again.stderr()).contains("testbed already up").contains("operator already running");
  }

  @AfterAll
  void stopItsBed() {
    Processes.run(
            repo,
            Map.of("TESTBED_DIR", state.toString()),
            null,
            Duration.ofMinutes(2),
            repo.resolve("testbed/down").toString())
        .assertSuccess("testbed/down");
  }
}

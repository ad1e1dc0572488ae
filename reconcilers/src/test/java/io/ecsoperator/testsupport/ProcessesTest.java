package io.ecsoperator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

  @TempDir Path tmp;

  @Test
  void aBareProgramNameIsLookedUpOnTheChildsPathNotTheJvms() throws IOException {
    Path first = script(tmp.resolve("first"), "echo first");
    script(tmp.resolve("second"), "echo second");
    String path = first.getParent() + ":" + tmp.resolve("second") + ":" + System.getenv("PATH");

    Processes.Result result =
        Processes.run(tmp, Map.of("PATH", path), null, Duration.ofSeconds(30), "tool");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout().trim()).isEqualTo("first");
  }

  @Test
  void namesWithASlashOrNotOnThePathAreLeftAlone() {
    String path = tmp.toString();
    assertThat(Processes.onPath("./tool", path)).isEqualTo("./tool");
    assertThat(Processes.onPath("bash", path)).isEqualTo("bash");
    assertThat(Processes.onPath("bash", null)).isEqualTo("bash");
  }

  @Test
  void sigintIsSeenIgnoredFromTheStatusMask() {
    assertThat(Processes.sigintIgnored("Name:\tjava\nSigIgn:\t0000000180000002\n")).isTrue();
    assertThat(Processes.sigintIgnored("SigIgn:\t0000000000001000\nSigCgt:\t2\n")).isFalse();
    assertThat(Processes.sigintIgnored("")).isFalse();
  }

  private static Path script(Path dir, String body) throws IOException {
    Files.createDirectories(dir);
    Path tool = dir.resolve("tool");
    Files.writeString(tool, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    return tool;
  }
}

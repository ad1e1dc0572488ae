package io.ecsoperator.operator.testsupport;

import io.ecsoperator.testsupport.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test bed's tools built from Go modules by a {@code testbed/install-*} script (helm, kstatus,
 * Argo CD's Lua runtime, promtool). The script builds once per machine into a cache folder, under a
 * lock, and prints that folder; this asks it once per JVM.
 */
public final class BedTools {

  private static final Map<String, Path> FOLDERS = new ConcurrentHashMap<>();

  private BedTools() {}

  /** The folder {@code testbed/<installScript>} prints last, building the tool when missing. */
  public static Path folder(Path repoRoot, String installScript) {
    return FOLDERS.computeIfAbsent(installScript, script -> install(repoRoot, script));
  }

  private static Path install(Path repoRoot, String script) {
    String[] lines =
        Processes.run(
                repoRoot,
                Map.of(),
                null,
                Duration.ofMinutes(30),
                repoRoot.resolve("testbed").resolve(script).toString())
            .assertSuccess("testbed/" + script)
            .stdout()
            .strip()
            .split("\n");
    return Path.of(lines[lines.length - 1]);
  }
}

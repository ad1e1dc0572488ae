package io.ecsoperator.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion and captures what it printed. */
public final class Processes {

  private Processes() {}

  /** A finished command. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {

    public Result assertSuccess(String what) {
      if (exitCode != 0) {
        throw new AssertionError(
            what
                + " failed ("
                + exitCode
                + "): "
                + String.join(" ", command)
                + "\n"
                + stdout
                + "\n"
                + stderr);
      }
      return this;
    }

    /** stdout and stderr together, for assertions on messages. */
    public String output() {
      return stdout + stderr;
    }
  }

  public static Result run(
      Path dir, Map<String, String> env, String stdin, Duration timeout, String... command) {
    String[] resolved = command.clone();
    resolved[0] = onPath(command[0], env.get("PATH"));
    ProcessBuilder builder = new ProcessBuilder(resolved).directory(dir.toFile());
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      CompletableFuture<String> out = read(process.getInputStream());
      CompletableFuture<String> err = read(process.getErrorStream());
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command));
      }
      return new Result(List.of(command), process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a process the test started Ctrl-C's signal, SIGINT. A process inherits SIGINT ignored
   * when the test run itself was started so (in the background of a shell without job control:
   * {@code mvn verify &} in a script), and its JVM then never sees Ctrl-C: that is said plainly
   * rather than left to show as a wrong exit code.
   */
  public static void interrupt(Process process) {
    String status;
    try {
      status = Files.readString(Path.of("/proc/self/status"));
    } catch (IOException notLinux) {
      status = "";
    }
    if (sigintIgnored(status)) {
      throw new AssertionError(
          "SIGINT is ignored in this process tree, so a Ctrl-C test cannot run: start the tests"
              + " in the foreground, or in the background with job control (set -m)");
    }
    run(
        Path.of("."),
        Map.of(),
        null,
        Duration.ofSeconds(10),
        "kill",
        "-INT",
        String.valueOf(process.pid()));
  }

  /** Whether a /proc/PID/status text shows SIGINT (signal 2: bit 1 of SigIgn) ignored. */
  static boolean sigintIgnored(String procStatus) {
    return procStatus
        .lines()
        .filter(line -> line.startsWith("SigIgn:"))
        .map(line -> Long.parseLong(line.substring("SigIgn:".length()).trim(), 16))
        .anyMatch(mask -> (mask & 0x2) != 0);
  }

  /**
   * The program as found on the given PATH. Java looks a bare name up on the test JVM's own PATH,
   * not the child's, so without this {@code env}'s PATH (e.g. the bed's kubectl first) is ignored.
   */
  static String onPath(String program, String path) {
    if (program.contains("/") || path == null) {
      return program;
    }
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return program;
  }

  private static CompletableFuture<String> read(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}

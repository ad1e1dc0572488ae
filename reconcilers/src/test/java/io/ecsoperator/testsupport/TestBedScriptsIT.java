package io.ecsoperator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * testbed/up and testbed/down as a developer uses them: up gives a working kubeconfig and AWS
 * endpoint, a second up reuses what runs, and down leaves no process behind.
 */
class TestBedScriptsIT {

  @TempDir Path state;

  @Test
  void upIsIdempotentAndDownStopsEveryProcessItStarted() throws IOException {
    Path root = TestBed.get().repoRoot();
    Map<String, String> env = Map.of("TESTBED_DIR", state.toString());

    run(root, env, "testbed/up");
    List<Long> pids = pids();
    assertThat(pids).hasSize(3).allMatch(TestBedScriptsIT::alive);

    String check =
        ". " + state.resolve("env") + " && kubectl get ns default -o name && aws ecs list-clusters";
    var answered =
        Processes.run(root, Map.of(), null, Duration.ofMinutes(1), "bash", "-c", check)
            .assertSuccess("bed check");
    assertThat(answered.stdout()).contains("namespace/default").contains("clusterArns");

    var again = run(root, env, "testbed/up");
    assertThat(again.output()).contains("already up");
    assertThat(pids()).isEqualTo(pids);

    run(root, env, "testbed/down");
    assertThat(pids).noneMatch(TestBedScriptsIT::alive);
    assertThat(state.resolve("kubeconfig")).doesNotExist();
  }

  /**
   * Between the fork and the exec of a server, its recorded PID still runs the up script itself: up
   * must not take that for a server that died. A FIFO as etcd's log holds the forked shell at the
   * redirection, before its exec, until the reader below opens it.
   */
  @Test
  void upWaitsForAServerSlowToExec() throws Exception {
    Path root = TestBed.get().repoRoot();
    Map<String, String> env = Map.of("TESTBED_DIR", state.toString());
    Path log = Files.createDirectories(state.resolve("logs")).resolve("etcd.log");
    Processes.run(state, Map.of(), null, Duration.ofSeconds(10), "mkfifo", log.toString())
        .assertSuccess("mkfifo");
    Thread reader =
        new Thread(
            () -> {
              try {
                Thread.sleep(1500);
                try (var in = Files.newInputStream(log)) {
                  in.transferTo(java.io.OutputStream.nullOutputStream());
                }
              } catch (IOException | InterruptedException e) {
                // the bed is gone or the test is over
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      Processes.Result up =
          Processes.run(
              root, env, null, Duration.ofMinutes(3), root.resolve("testbed/up").toString());
      assertThat(up.exitCode()).as("testbed/up:%n%s", up.output()).isZero();
      assertThat(pids()).hasSize(3).allMatch(TestBedScriptsIT::alive);
    } finally {
      Processes.run(
          root, env, null, Duration.ofMinutes(6), root.resolve("testbed/down").toString());
    }
  }

  private static Processes.Result run(Path root, Map<String, String> env, String script) {
    return Processes.run(root, env, null, Duration.ofMinutes(10), root.resolve(script).toString())
        .assertSuccess(script);
  }

  private List<Long> pids() throws IOException {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> files = Files.list(state.resolve("pids"))) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        pids.add(Long.parseLong(Files.readString(file).trim()));
      }
    }
    return pids;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
  }

  /** A stopped server can linger as a zombie until the sandbox's init reaps it: that is stopped. */
  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException gone) {
      return true;
    }
  }
}

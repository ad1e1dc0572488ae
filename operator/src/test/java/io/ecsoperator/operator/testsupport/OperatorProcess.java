package io.ecsoperator.operator.testsupport;

import io.ecsoperator.testsupport.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator as it runs in its container: {@code java -jar ecs-operator.jar run ...} in a process
 * of its own, against the bed's API server and moto, with its HTTP endpoints on a free loopback
 * port. Its output goes to a log file under target/ for assertions and for looking into failures.
 */
public final class OperatorProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path log;
  private final int httpPort;

  private OperatorProcess(Process process, Path log, int httpPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  /** The jar failsafe built ({@code operator.jar} system property). */
  public static Path jar() {
    String jar = System.getProperty("operator.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "operator.jar (" + jar + ") not found: run the ITs with Maven after package");
    }
    return Path.of(jar);
  }

  /**
   * Starts {@code run} with the given arguments (plus the HTTP port), the bed's environment and
   * {@code extraEnv} on top (e.g. another KUBECONFIG, LOG_FORMAT, POD_NAMESPACE).
   */
  public static OperatorProcess start(
      TestBed bed, String name, Map<String, String> extraEnv, String... runArgs) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.add("run");
    command.addAll(List.of(runArgs));
    command.add("--http-address=127.0.0.1");
    command.add("--http-port=" + port);
    Map<String, String> env = new HashMap<>(bed.env());
    env.putAll(extraEnv);
    try {
      Path logs = Files.createDirectories(bed.stateDir().resolve("logs"));
      Path log = logs.resolve(name + "-" + System.nanoTime() + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .directory(bed.repoRoot().toFile());
      builder.environment().putAll(env);
      return new OperatorProcess(builder.start(), log, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int httpPort() {
    return httpPort;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything it printed so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path logFile() {
    return log;
  }

  /** GET on its HTTP endpoints: the status code and body, or -1 while nothing listens. */
  public HttpResult get(String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new HttpResult(response.statusCode(), response.body());
    } catch (IOException e) {
      return new HttpResult(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET's answer. */
  public record HttpResult(int status, String body) {}

  /**
   * The value of one Prometheus sample, e.g. {@code metric("ecsoperator_reconciles_seconds_count",
   * "kind=\"EcrRepository\"")}: the sum over the series whose labels contain every given fragment,
   * 0 when there is none.
   */
  public double metric(String name, String... labelFragments) {
    return sum(get("/metrics").body(), name, labelFragments);
  }

  /** The names of the series in a scrape (comment lines left out). */
  public static Set<String> seriesNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{\\s]", 2)[0]);
      }
    }
    return names;
  }

  /** The same sum over a scrape already taken. */
  public static double sum(String scrape, String name, String... labelFragments) {
    Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+(\\S+)$");
    double total = 0;
    for (String line : scrape.split("\n")) {
      Matcher m = sample.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String labels = m.group(1) == null ? "" : m.group(1);
      boolean all = true;
      for (String fragment : labelFragments) {
        all &= labels.contains(fragment);
      }
      if (all) {
        total += Double.parseDouble(m.group(2));
      }
    }
    return total;
  }

  /** SIGTERM, as the kubelet stops a container; waits for the exit and returns its code. */
  public int stop(Duration timeout) {
    process.destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            "the operator did not exit within " + timeout + " of SIGTERM; log " + log);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

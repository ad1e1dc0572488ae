package io.ecsoperator.operator.cli;

import io.ecsoperator.operator.Main;
import io.ecsoperator.operator.kinds.KindRegistry;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.testsupport.AwsCallCounter;
import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the CLI against the test bed's moto: in-process through picocli, as the tests' usual way, or
 * as users run it, {@code java -jar operator/target/ecs-operator.jar} with the bed's environment.
 * Every AWS call of in-process runs is counted.
 */
public final class CliHarness {

  /** What a run printed and its exit code. */
  public record Result(int exitCode, String out, String err) {
    public String output() {
      return out + err;
    }
  }

  public final TestBed bed = TestBed.get();
  public final AwsCallCounter calls = new AwsCallCounter();

  /** Where in-process runs send their AWS calls. */
  private final URI awsEndpoint;

  /** A CLI that calls the bed's moto. */
  public CliHarness() {
    this.awsEndpoint = bed.awsEndpoint();
  }

  /** A CLI whose in-process runs call AWS at {@code awsEndpoint}, e.g. a fault proxy. */
  public CliHarness(URI awsEndpoint) {
    this.awsEndpoint = awsEndpoint;
  }

  /** {@code ecs-operator <args>} in this JVM, with plain progress and a short poll interval. */
  public Result run(String... args) {
    return runWithInput("", args);
  }

  public Result runWithInput(String stdin, String... args) {
    CliContext context =
        new CliContext(
            this::awsClients,
            KindRegistry.cliKinds(),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            false,
            120,
            Duration.ofMillis(200));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(context);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The bed's AWS clients, telling both the counter and the CLI's own listener of each call. */
  public AwsClientFactory awsClients(AwsCallListener listener) {
    return bed.awsClients(
        new AwsCallListener() {
          @Override
          public void beforeCall(String service, String operation) {
            listener.beforeCall(service, operation);
          }

          @Override
          public void onCall(String service, String operation, String outcome, Duration took) {
            calls.onCall(service, operation, outcome, took);
            listener.onCall(service, operation, outcome, took);
          }
        },
        awsEndpoint);
  }

  /**
   * {@code java -jar ecs-operator.jar <args>} with the bed's environment (and {@code extraEnv}).
   */
  public Processes.Result runJar(Map<String, String> extraEnv, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(bed.env());
    env.putAll(extraEnv);
    return Processes.run(
        bed.repoRoot(), env, stdin, Duration.ofMinutes(3), command.toArray(String[]::new));
  }

  /**
   * {@code java -jar ecs-operator.jar <args>} started with the bed's environment (and {@code
   * extraEnv}), standard error in standard output, for a test that signals it while it runs.
   */
  public Process startJar(Map<String, String> extraEnv, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(bed.env());
    builder.environment().putAll(extraEnv);
    return builder.start();
  }

  /** The shaded jar Maven's package phase built, which failsafe runs after. */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("operator.jar", "target/ecs-operator.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the ITs with mvn verify");
    }
    return jar;
  }

  /** Writes a manifest file into {@code dir}. */
  public static Path write(Path dir, String name, String yaml) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.ecsoperator.operator.cli.run;

import io.ecsoperator.operator.cli.DurationConverter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code ecs-operator run -f}: which task to run, and how long to wait for it. */
public final class TaskRunOptions {

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE|DIR|-",
      description =
          "Manifests with exactly one EcsTask, and the objects it refers to (applied first)."
              + " Repeatable.")
  List<String> inputs;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = "default",
      description = "Namespace of objects whose metadata has none (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--timeout",
      defaultValue = "1h",
      converter = DurationConverter.class,
      description =
          "How long to wait for the task to finish; then it is stopped (default:"
              + " ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--no-logs", description = "Do not print the containers' CloudWatch Logs lines.")
  boolean noLogs;
}

package io.ecsoperator.operator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ecs-operator.jar}: the operator runtime and the cluster-less CLI. */
@Command(
    name = "ecs-operator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Drives Amazon ECS and Amazon ECR from Kubernetes custom resources.",
    subcommands = {RunCommand.class})
public final class Main {

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    // A set-up problem (no region, no kubeconfig) is a message for the user, not a stack trace.
    cli.setExecutionExceptionHandler(
        (error, command, parsed) -> {
          command.getErr().println("ecs-operator: " + error.getMessage());
          return 1;
        });
    System.exit(cli.execute(args));
  }
}

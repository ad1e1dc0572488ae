package io.ecsoperator.operator;

import io.ecsoperator.operator.cli.ApplyCommand;
import io.ecsoperator.operator.cli.CliContext;
import io.ecsoperator.operator.cli.ImportCommand;
import io.ecsoperator.operator.cli.PlanCommand;
import io.ecsoperator.operator.cli.RolloutCommand;
import io.ecsoperator.operator.cli.manifest.InvalidManifestsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ecs-operator.jar}: the operator runtime and the cluster-less CLI. */
@Command(
    name = "ecs-operator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Drives Amazon ECS and Amazon ECR from Kubernetes custom resources.",
    subcommands = {
      RunCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      ImportCommand.class,
      RolloutCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    System.exit(commandLine(CliContext.fromEnvironment()).execute(args));
  }

  /**
   * The command line with its error handling: every failure exits with 1, since plan keeps 2 for
   * "apply would change something".
   */
  public static CommandLine commandLine(CliContext context) {
    CommandLine cli = new CommandLine(new Main(), new CommandFactory(context));
    // A set-up problem (no region, no kubeconfig) or bad input is a message, not a stack trace.
    cli.setExecutionExceptionHandler(
        (error, command, parsed) -> {
          PrintWriter err = command.getErr();
          if (error instanceof InvalidManifestsException invalid) {
            invalid.errors().forEach(e -> err.println("error: " + e));
            err.println(
                "ecs-operator: "
                    + invalid.errors().size()
                    + " problem(s) in the manifests; nothing was sent to AWS");
          } else {
            err.println("ecs-operator: " + error.getMessage());
          }
          err.flush();
          return 1;
        });
    cli.setParameterExceptionHandler(
        (error, args) -> {
          PrintWriter err = error.getCommandLine().getErr();
          err.println("ecs-operator: " + error.getMessage());
          error.getCommandLine().usage(err);
          err.flush();
          return 1;
        });
    return cli;
  }

  /** Hands the CLI context to the commands that take it. */
  private record CommandFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException noContext) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}

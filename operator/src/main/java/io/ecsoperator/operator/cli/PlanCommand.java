package io.ecsoperator.operator.cli;

import io.ecsoperator.operator.account.AccountClients;
import io.ecsoperator.operator.cli.manifest.ResourceGraph;
import io.ecsoperator.operator.cli.plan.PlanReport;
import io.ecsoperator.operator.cli.plan.Planner;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecs-operator plan}: what apply would do, from AWS reads only. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what apply would do to AWS for the manifests, without writing anything: per object"
          + " create, update (field: AWS's value -> the spec's), new revision, blocked, or no"
          + " change; then a summary line.",
      "Exit code: 0 nothing would change, 2 apply would write or be blocked, 1 error."
    })
public final class PlanCommand implements Callable<Integer> {

  /** Formats of the plan. */
  enum Format {
    text,
    json
  }

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin ManifestOptions manifests;

  @Option(names = "--output", defaultValue = "text", description = "text (default) or json.")
  Format format;

  public PlanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ResourceGraph graph = manifests.load(context, spec.commandLine().getErr());
    PlanReport report;
    try (AwsClientFactory aws = context.aws().apply(AwsCallListener.NONE);
        AccountClients accounts = new AccountClients(aws, account -> AwsCallListener.NONE)) {
      report = new PlanReport(new Planner(accounts).plan(graph));
    }
    out.print(format == Format.json ? report.json() : report.text());
    out.flush();
    return report.exitCode();
  }
}

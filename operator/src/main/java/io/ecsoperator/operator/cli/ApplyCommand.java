package io.ecsoperator.operator.cli;

import io.ecsoperator.operator.account.AccountClients;
import io.ecsoperator.operator.cli.apply.Applier;
import io.ecsoperator.operator.cli.apply.CtrlC;
import io.ecsoperator.operator.cli.apply.LiveProgress;
import io.ecsoperator.operator.cli.apply.ObjectState;
import io.ecsoperator.operator.cli.apply.ObjectStatus;
import io.ecsoperator.operator.cli.apply.PlainProgress;
import io.ecsoperator.operator.cli.apply.StopSignal;
import io.ecsoperator.operator.cli.manifest.ResourceGraph;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecs-operator apply}: the reconcilers, once, in dependency order, then wait for Ready. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Makes AWS match the manifests with the operator's reconcilers, without a cluster:"
          + " repositories, then clusters, task definitions and services, each object after the"
          + " objects it references. Then waits until every object is Ready.",
      "Ctrl-C lets the AWS call in flight finish and starts no other; run apply again to finish.",
      "Exit code: 0 all Ready (applied, with --no-wait), 1 stalled, failed or timed out,"
          + " 130 interrupted."
    })
public final class ApplyCommand implements Callable<Integer> {

  /** Exit code after Ctrl-C, as shells report SIGINT. */
  static final int INTERRUPTED = 130;

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin ManifestOptions manifests;

  @Option(names = "--no-wait", description = "Apply once and return without waiting for Ready.")
  boolean noWait;

  @Option(
      names = "--timeout",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How long to wait for Ready, e.g. 90s, 5m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  public ApplyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    ResourceGraph graph = manifests.load(context, spec.commandLine().getErr());
    if (graph.ordered().isEmpty()) {
      out.println("Nothing to apply: no ecs-operator objects in the files.");
      out.flush();
      return 0;
    }
    StopSignal stop = new StopSignal();
    try (CtrlC ctrlC = CtrlC.install(stop);
        AwsClientFactory aws = context.aws().apply(stop);
        AccountClients accounts = new AccountClients(aws, account -> stop)) {
      out.println(
          "Applying "
              + graph.ordered().size()
              + " objects"
              + (noWait
                  ? ""
                  : ", then waiting up to " + DurationConverter.format(timeout) + " for Ready")
              + ":");
      out.flush();
      Applier.Progress progress =
          context.interactive()
              ? new LiveProgress(out, context.terminalWidth(), graph.ordered())
              : new PlainProgress(out);
      Applier.Result result =
          new Applier(accounts, stop, progress, context.pollInterval(), Clock.systemUTC())
              .apply(graph, noWait ? null : timeout);
      return report(result, out);
    }
  }

  private int report(Applier.Result result, PrintWriter out) {
    Map<ObjectState, Long> counts =
        result.statuses().values().stream()
            .collect(Collectors.groupingBy(ObjectStatus::state, Collectors.counting()));
    out.println(
        "Apply: "
            + Arrays.stream(ObjectState.values())
                .filter(counts::containsKey)
                .map(s -> counts.get(s) + " " + s.label().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ".");
    int code;
    if (result.interrupted()) {
      out.println(
          "Interrupted: the AWS call in flight finished and no other was started; run apply"
              + " again to finish.");
      code = INTERRUPTED;
    } else if (result.timedOut()) {
      out.println("Timed out after " + DurationConverter.format(timeout) + ".");
      code = 1;
    } else {
      code = result.succeeded(!noWait) ? 0 : 1;
    }
    out.flush();
    return code;
  }
}

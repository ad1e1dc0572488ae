package io.ecsoperator.operator.cli.run;

import io.ecsoperator.crds.task.EcsTask;
import io.ecsoperator.operator.account.AccountClients;
import io.ecsoperator.operator.cli.CliContext;
import io.ecsoperator.operator.cli.DurationConverter;
import io.ecsoperator.operator.cli.ManifestOptions;
import io.ecsoperator.operator.cli.apply.Applier;
import io.ecsoperator.operator.cli.apply.CtrlC;
import io.ecsoperator.operator.cli.apply.PlainProgress;
import io.ecsoperator.operator.cli.apply.StopSignal;
import io.ecsoperator.operator.cli.manifest.Manifest;
import io.ecsoperator.operator.cli.manifest.ResourceGraph;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.task.EcsTaskAdapter;
import io.ecsoperator.reconcilers.task.EcsTaskState;
import io.ecsoperator.reconcilers.task.TaskVerdict;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code ecs-operator run -f}: the one EcsTask of the manifests run as a CI step, on the engine
 * apply uses. The objects it refers to are applied first; the task gets a UID of its own, so each
 * run starts a new task; its containers' log lines are printed while it runs; the exit code is its
 * essential container's. Ctrl-C and the timeout stop the task.
 */
public final class TaskRun {

  /** Exit code after Ctrl-C, as shells report SIGINT. */
  static final int INTERRUPTED = 130;

  private final CliContext context;
  private final TaskRunOptions options;
  private final String installation;
  private final CommandLine commandLine;

  /**
   * @param installation the operator installation whose AWS resources the files' objects are (run
   *     --installation); null for none
   */
  public TaskRun(
      CliContext context, TaskRunOptions options, String installation, CommandLine commandLine) {
    this.context = context;
    this.options = options;
    this.installation = installation;
    this.commandLine = commandLine;
  }

  public int call() throws InterruptedException {
    PrintWriter out = commandLine.getOut();
    ResourceGraph graph =
        ManifestOptions.load(
            context, options.inputs, options.namespace, installation, commandLine.getErr());
    Manifest<?, ?, ?> task = theTask(graph);
    task.resource().getMetadata().setUid(UUID.randomUUID().toString());
    out.println(
        "Running "
            + task.id()
            + " (after "
            + (graph.ordered().size() - 1)
            + " objects it refers to), waiting up to "
            + DurationConverter.format(options.timeout)
            + ":");
    out.flush();
    StopSignal stop = new StopSignal();
    // Everything up to the last line happens before Ctrl-C lets the JVM exit.
    try (CtrlC ctrlC = CtrlC.install(stop);
        AwsClientFactory aws = context.aws().apply(stop);
        AccountClients accounts = new AccountClients(aws, account -> stop)) {
      AwsClientFactory taskAws = accounts.of(graph.account(task));
      TaskLogs logs = options.noLogs ? null : new TaskLogs(taskAws, task.spec().region, out);
      TaskWatch watch = new TaskWatch(task, new PlainProgress(out), logs);
      Applier.Result result =
          new Applier(accounts, stop, watch, context.pollInterval(), Clock.systemUTC())
              .apply(graph, options.timeout);
      EcsTaskState state = watch.state();
      if (result.interrupted() || result.timedOut()) {
        stopTask(graph, task, state, result.interrupted() ? "was interrupted" : "timed out");
      }
      int code = exitCode(result, state == null ? null : state.verdict());
      out.println(summary(result, code));
      out.flush();
      return code;
    }
  }

  /**
   * The exit code of a run: the essential container's exit code of the last attempt when the task
   * failed with one (1 when it lies outside 1..255), 0 when it completed, 130 after Ctrl-C, and 1
   * for anything else (never started, stalled, timed out).
   */
  static int exitCode(Applier.Result result, TaskVerdict verdict) {
    if (result.interrupted()) {
      return INTERRUPTED;
    }
    if (result.timedOut() || verdict == null || !verdict.step().finished()) {
      return 1;
    }
    if (verdict.step() == TaskVerdict.Step.COMPLETE) {
      return 0;
    }
    Integer exit = verdict.exitCode();
    return exit != null && exit >= 1 && exit <= 255 ? exit : 1;
  }

  private Manifest<?, ?, ?> theTask(ResourceGraph graph) {
    List<Manifest<?, ?, ?>> tasks =
        graph.ordered().stream().filter(m -> m.resource() instanceof EcsTask).toList();
    if (tasks.size() != 1) {
      throw new ParameterException(
          commandLine,
          "run -f needs exactly one EcsTask in the files; found "
              + tasks.size()
              + (tasks.isEmpty()
                  ? ""
                  : ": " + String.join(", ", tasks.stream().map(Manifest::id).toList())));
    }
    return tasks.get(0);
  }

  /** StopTask apart from the stop signal, which refuses every AWS call after Ctrl-C. */
  private void stopTask(
      ResourceGraph graph, Manifest<?, ?, ?> task, EcsTaskState state, String why) {
    if (state == null) {
      return;
    }
    try (AwsClientFactory aws = context.aws().apply(AwsCallListener.NONE);
        AccountClients accounts = new AccountClients(aws, account -> AwsCallListener.NONE)) {
      EcsTaskAdapter.stopRunning(
          accounts.of(graph.account(task)).forRegion(task.spec().region),
          state,
          "ecs-operator run -f " + why);
    }
  }

  /** The last line; the task's own state is on the progress line above it. */
  private String summary(Applier.Result result, int code) {
    String how =
        result.interrupted()
            ? "Interrupted: the task was stopped. "
            : result.timedOut()
                ? "Timed out after " + DurationConverter.format(options.timeout) + ": stopped. "
                : "";
    return how + "Exit code " + code + ".";
  }
}

package io.ecsoperator.operator.cli;

import io.ecsoperator.operator.account.AccountClients;
import io.ecsoperator.operator.cli.rollout.ServiceRollouts;
import io.ecsoperator.operator.cli.rollout.ServiceRollouts.Rollout;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.ecsoperator.reconcilers.service.rollout.DeploymentProgress;
import io.ecsoperator.reconcilers.service.rollout.RolloutAnswers;
import io.ecsoperator.reconcilers.service.rollout.RolloutContext;
import io.ecsoperator.reconcilers.service.rollout.TrackedDeployment;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * {@code ecs-operator rollout}: where the blue/green, linear or canary deployment of each
 * EcsService of the files is, and the answers the annotations ecsoperator.io/approve and
 * ecsoperator.io/rollback give in a cluster, with the operator's own code (issue 11 §3).
 */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description =
        "Shows, approves or rolls back the service deployment each EcsService of the manifests"
            + " runs in AWS, as the operator's annotations ecsoperator.io/approve and"
            + " ecsoperator.io/rollback do in a cluster.",
    subcommands = {
      RolloutCommand.Status.class,
      RolloutCommand.Approve.class,
      RolloutCommand.Rollback.class
    })
public final class RolloutCommand {

  /** What the three subcommands share: the manifests, and AWS. */
  abstract static class Subcommand implements Callable<Integer> {

    private final CliContext context;

    @Spec CommandSpec spec;

    @Mixin ManifestOptions manifests;

    Subcommand(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      boolean allDone = true;
      var graph = manifests.load(context, spec.commandLine().getErr());
      try (AwsClientFactory aws = context.aws().apply(AwsCallListener.NONE);
          AccountClients accounts = new AccountClients(aws, account -> AwsCallListener.NONE)) {
        List<Rollout> rollouts = ServiceRollouts.read(accounts, graph);
        if (rollouts.isEmpty()) {
          out.println("no EcsService in the manifests");
          allDone = false;
        }
        for (Rollout rollout : rollouts) {
          allDone &= each(rollout, out);
        }
      }
      out.flush();
      return allDone ? 0 : 1;
    }

    /** Prints what it did for one service; false when it could not. */
    private boolean each(Rollout rollout, PrintWriter out) {
      if (!rollout.exists()) {
        out.println(rollout.object() + ": the service does not exist in AWS");
        return false;
      }
      if (rollout.tracked() == null) {
        out.println(
            rollout.object() + ": the service runs no blue/green, linear or canary deployment");
        return false;
      }
      return on(rollout, rollout.tracked().deployment(), out);
    }

    abstract boolean on(Rollout rollout, ServiceDeployment deployment, PrintWriter out);

    /** Gives the deployment the answer an annotation would give. */
    static boolean answer(
        Rollout rollout,
        ServiceDeployment deployment,
        String approve,
        String rollback,
        PrintWriter out) {
      RolloutContext context =
          new RolloutContext(
              deployment.serviceDeploymentArn(),
              deployment.statusAsString(),
              null,
              approve,
              rollback);
      Optional<Notice> answered =
          RolloutAnswers.apply(rollout.clients(), new TrackedDeployment(deployment, null, context));
      String asked = approve != null ? approve : rollback;
      out.println(
          rollout.object()
              + ": "
              + answered
                  .map(Notice::message)
                  .orElse(
                      "nothing answered ("
                          + (asked == null ? "no paused hook" : "asked: " + asked)
                          + "): "
                          + state(deployment).message()));
      return answered.isPresent();
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = {
        "Where each service's deployment is: strategy, status, stage, production traffic on the"
            + " new revision, and the hook it waits on.",
        "Exit code: 0 every service found, 1 otherwise."
      })
  public static final class Status extends Subcommand {

    public Status(CliContext context) {
      super(context);
    }

    @Override
    boolean on(Rollout rollout, ServiceDeployment deployment, PrintWriter out) {
      Readiness state = state(deployment);
      out.println(rollout.object() + ": " + state.reason() + ": " + state.message());
      out.println("  deployment: " + deployment.serviceDeploymentArn());
      out.println(
          "  strategy: "
              + deployment.deploymentConfiguration().strategyAsString()
              + ", status: "
              + deployment.statusAsString()
              + Optional.ofNullable(deployment.lifecycleStageAsString())
                  .map(stage -> ", stage: " + stage)
                  .orElse("")
              + Optional.ofNullable(DeploymentProgress.productionTraffic(deployment))
                  .map(percent -> ", production traffic: " + percent + "%")
                  .orElse(""));
      DeploymentProgress.pendingHook(deployment)
          .ifPresent(
              hook ->
                  out.println(
                      "  pending hook: "
                          + hook.hookId()
                          + " ("
                          + hook.targetTypeAsString()
                          + ", "
                          + hook.statusAsString()
                          + ")"));
      return true;
    }
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = {
        "Continues each service's deployment paused at a PAUSE hook (ContinueServiceDeployment).",
        "Exit code: 0 every deployment continued, 1 otherwise."
      })
  public static final class Approve extends Subcommand {

    @Option(
        names = "--hook",
        paramLabel = "ID",
        description =
            "Continue only if the deployment waits on this hook (the hook ID status shows);"
                + " default: the hook it waits on.")
    String hook;

    public Approve(CliContext context) {
      super(context);
    }

    @Override
    boolean on(Rollout rollout, ServiceDeployment deployment, PrintWriter out) {
      String answered =
          hook != null
              ? hook
              : DeploymentProgress.pendingHook(deployment)
                  .map(DeploymentLifecycleHookDetail::hookId)
                  .orElse(null);
      return answer(rollout, deployment, answered, null, out);
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = {
        "Rolls back each service's deployment in flight: at the PAUSE hook --hook names"
            + " (ContinueServiceDeployment ROLLBACK), else the whole deployment"
            + " (StopServiceDeployment ROLLBACK).",
        "Exit code: 0 every deployment rolls back, 1 otherwise."
      })
  public static final class Rollback extends Subcommand {

    @Option(
        names = "--hook",
        paramLabel = "ID",
        description = "The paused hook to roll back at; default: the deployment in flight.")
    String hook;

    public Rollback(CliContext context) {
      super(context);
    }

    @Override
    boolean on(Rollout rollout, ServiceDeployment deployment, PrintWriter out) {
      return answer(
          rollout, deployment, null, hook != null ? hook : deployment.serviceDeploymentArn(), out);
    }
  }

  /** The deployment's progress in the words of the object's conditions. */
  static Readiness state(ServiceDeployment deployment) {
    try {
      return DeploymentProgress.of(deployment, RolloutContext.NONE, null, List.of())
          .orElse(
              new Readiness(
                  true,
                  "Deployed",
                  "deployment "
                      + DeploymentProgress.shortId(deployment.serviceDeploymentArn())
                      + " is SUCCESSFUL"));
    } catch (TerminalException e) {
      return new Readiness(false, e.reason(), e.getMessage());
    }
  }
}

package io.ecsoperator.operator;

import io.ecsoperator.operator.cli.CliContext;
import io.ecsoperator.operator.cli.run.TaskRun;
import io.ecsoperator.operator.cli.run.TaskRunOptions;
import io.ecsoperator.operator.observability.HttpEndpoints;
import io.ecsoperator.operator.settings.OperatorSettings;
import io.ecsoperator.operator.settings.OperatorSettings.LeaderElection;
import io.ecsoperator.operator.settings.Sharding;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecs-operator run}: watches the custom resources and reconciles them until stopped; with
 * {@code -f}, runs one EcsTask instead, for CI pipelines ({@link TaskRun}).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the operator against the cluster of KUBECONFIG (or the in-cluster service account)"
          + " and AWS through the default credential and region chain (AWS_ENDPOINT_URL is"
          + " honoured).",
      "With -f, runs the one EcsTask of the manifests instead, as a CI step: applies the objects"
          + " it refers to, starts a new task, prints its containers' CloudWatch Logs lines, and"
          + " exits with its essential container's exit code (0 when it completed, 1 when it"
          + " failed without one or timed out, 130 after Ctrl-C). Ctrl-C and the timeout stop"
          + " the task."
    })
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  private final CliContext context;

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = false, heading = "%nRunning one EcsTask (-f):%n")
  TaskRunOptions task;

  @Option(
      names = "--resync-interval",
      defaultValue = "PT10M",
      description = "How often each resource is compared with AWS to correct drift (ISO-8601).")
  Duration resyncInterval;

  @Option(
      names = "--progress-interval",
      defaultValue = "PT10S",
      description = "How soon work in progress (rollouts, deletions) is checked again.")
  Duration progressInterval;

  @Option(
      names = "--namespaces",
      split = ",",
      description = "Namespaces to watch; all namespaces when omitted.")
  List<String> namespaces = List.of();

  @Option(
      names = "--concurrency",
      defaultValue = "10",
      description = "Reconciles running at once, of all kinds together.")
  int concurrency;

  @Option(
      names = "--leader-election",
      description =
          "Reconcile only while holding a Lease, so that several replicas can run with one active.")
  boolean leaderElection;

  @Option(
      names = "--lease-name",
      description =
          "Name of the leader election Lease (default: ecs-operator; with --selector, ecs-operator"
              + " followed by the selector's letters and a hash of it).")
  String leaseName;

  @Option(
      names = "--lease-namespace",
      defaultValue = "${env:POD_NAMESPACE}",
      description = "Namespace of the leader election Lease (default: $POD_NAMESPACE).")
  String leaseNamespace;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description =
          "Port of /metrics, /healthz and /readyz (default: ${DEFAULT-VALUE}; 0: any free port).")
  int httpPort;

  @Option(
      names = "--http-address",
      defaultValue = "0.0.0.0",
      description = "Address the HTTP endpoints listen on (default: ${DEFAULT-VALUE}).")
  String httpAddress;

  @Option(
      names = "--installation",
      defaultValue = "${env:ECS_OPERATOR_INSTALLATION}",
      description =
          "This operator installation's identity, recorded in the ecsoperator.io/installation tag"
              + " of every AWS resource it manages, so that operators of different clusters over"
              + " one AWS account never take each other's resources. 'auto': the UID of the"
              + " cluster's kube-system namespace. None when omitted: then only resources without"
              + " that tag are this operator's.")
  String installation;

  @Option(
      names = "--selector",
      description =
          "Reconcile only the objects with these labels (e.g. ecsoperator.io/shard=a, or"
              + " 'ecsoperator.io/shard in (a,b)'), of every kind: one shard of several operators."
              + " The objects they refer to are read whatever their labels.")
  String selector;

  @Option(
      names = "--aws-rate-share",
      defaultValue = "1",
      description =
          "Part of each AWS API rate limit this operator uses, more than 0 and at most 1: shards"
              + " over one AWS account and region split its throttling buckets, e.g. 0.5 each for"
              + " two (default: ${DEFAULT-VALUE}).")
  double awsRateShare;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (task != null) {
      return new TaskRun(context, task, installation, spec.commandLine()).call();
    }
    OperatorSettings settings =
        new OperatorSettings(resyncInterval, progressInterval, namespaces, concurrency)
            .withSharding(new Sharding(Optional.ofNullable(selector), awsRateShare));
    if (leaderElection) {
      settings = settings.withLeaderElection(leaderElectionSettings(settings.sharding()));
    }
    settings = settings.withInstallation(installation);
    OperatorApp app = OperatorApp.fromEnvironment(settings);
    var http =
        new HttpEndpoints(
            new InetSocketAddress(httpAddress, httpPort),
            app::isLive,
            app::isReady,
            app.metrics()::scrape);
    LOG.info("/metrics, /healthz and /readyz on http://{}:{}", httpAddress, http.port());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  http.close();
                },
                "shutdown"));
    app.start();
    Thread.currentThread().join();
    return 0;
  }

  private LeaderElection leaderElectionSettings(Sharding sharding) {
    if (leaseNamespace == null || leaseNamespace.isBlank()) {
      throw new IllegalArgumentException(
          "--leader-election needs --lease-namespace (or POD_NAMESPACE) to know where the Lease is");
    }
    String lease = leaseName != null ? leaseName : sharding.leaseName("ecs-operator");
    return new LeaderElection(lease, leaseNamespace, identity());
  }

  /**
   * The pod's name (HOSTNAME in Kubernetes) and a random suffix: two processes on one host, or a
   * restarted pod of the same name, never share an identity.
   */
  private static String identity() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "ecs-operator";
      }
    }
    return host + "_" + UUID.randomUUID().toString().substring(0, 8);
  }
}

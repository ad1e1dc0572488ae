package io.ecsoperator.operator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecs-operator run}: watches the custom resources and reconciles them until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs the operator against the cluster of KUBECONFIG (or the in-cluster service account)"
            + " and AWS through the default credential and region chain (AWS_ENDPOINT_URL is"
            + " honoured).")
final class RunCommand implements Callable<Integer> {

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
      description = "Reconciles running at once, per kind.")
  int concurrency;

  @Override
  public Integer call() throws InterruptedException {
    var settings = new OperatorSettings(resyncInterval, progressInterval, namespaces, concurrency);
    try (var app = OperatorApp.fromEnvironment(settings)) {
      app.start();
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
      Thread.currentThread().join();
    }
    return 0;
  }
}

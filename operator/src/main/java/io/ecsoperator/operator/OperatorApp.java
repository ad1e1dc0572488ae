package io.ecsoperator.operator;

import io.ecsoperator.operator.cluster.EcsClusterController;
import io.ecsoperator.operator.controller.EventRecorder;
import io.ecsoperator.operator.controller.StatusConditions;
import io.ecsoperator.operator.ecr.EcrRepositoryController;
import io.ecsoperator.operator.service.EcsServiceController;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.function.Consumer;

/** The operator: one JOSDK controller per kind, sharing the AWS clients and the event recorder. */
public final class OperatorApp implements AutoCloseable {

  /**
   * Retryable errors (throttling, 5xx, AWS unreachable) are retried with backoff for as long as
   * they last, at most every 5 minutes: giving up would leave the object Reconciling until the next
   * resync.
   */
  private static final GenericRetry RETRYABLE_ERRORS =
      new GenericRetry()
          .setInitialInterval(Duration.ofSeconds(2))
          .setIntervalMultiplier(2)
          .setMaxInterval(Duration.ofMinutes(5).toMillis())
          .withoutMaxAttempts();

  /** The one finalizer of every kind (DESIGN §6), not JOSDK's per-kind default. */
  public static final String FINALIZER = "ecsoperator.io/finalizer";

  private final Operator operator;
  private final AwsClientFactory aws;
  private final KubernetesClient client;

  public OperatorApp(KubernetesClient client, AwsClientFactory aws, OperatorSettings settings) {
    this.client = client;
    this.aws = aws;
    this.operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withConcurrentReconciliationThreads(settings.concurrency()));
    var conditions = new StatusConditions(Clock.systemUTC());
    var events = new EventRecorder(client);
    register(new EcrRepositoryController(aws, conditions, events, settings), settings);
    register(new EcsClusterController(aws, conditions, events, settings), settings);
    register(new EcsServiceController(aws, conditions, events, settings), settings);
  }

  /** Reads KUBECONFIG (or the in-cluster account) and the AWS default chains. */
  public static OperatorApp fromEnvironment(OperatorSettings settings) {
    return new OperatorApp(
        new KubernetesClientBuilder().build(),
        new AwsClientFactory(AwsSettings.fromEnvironment(), AwsCallListener.NONE),
        settings);
  }

  private <R extends io.fabric8.kubernetes.api.model.HasMetadata> void register(
      Reconciler<R> reconciler, OperatorSettings settings) {
    Consumer<ControllerConfigurationOverrider<R>> overrides =
        o -> {
          o.withFinalizer(FINALIZER);
          o.withReconciliationMaxInterval(settings.resyncInterval());
          o.withRetry(RETRYABLE_ERRORS);
          if (!settings.namespaces().isEmpty()) {
            o.settingNamespaces(new HashSet<>(settings.namespaces()));
          }
        };
    operator.register(reconciler, overrides);
  }

  public void start() {
    operator.start();
  }

  @Override
  public void close() {
    operator.stop();
    aws.close();
    client.close();
  }
}

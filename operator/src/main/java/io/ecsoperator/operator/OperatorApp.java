package io.ecsoperator.operator;

import io.ecsoperator.operator.account.AwsAccountController;
import io.ecsoperator.operator.account.AwsAccounts;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.EventRecorder;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.operator.controller.StatusConditions;
import io.ecsoperator.operator.kinds.KindRegistry;
import io.ecsoperator.operator.observability.OperatorMetrics;
import io.ecsoperator.operator.settings.InstallationIdentity;
import io.ecsoperator.operator.settings.OperatorSettings;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operator: one JOSDK controller per kind, sharing the AWS clients and the event recorder. */
public final class OperatorApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorApp.class);

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

  private static final Duration LONGEST_TOKEN_WAIT = Duration.ofSeconds(2);

  /** Far enough ahead for thousands of objects' writes at AWS's slowest rate (1 a second). */
  private static final Duration TOKENS_HELD_UP_TO = Duration.ofHours(1);

  /** The one finalizer of every kind (DESIGN §6), not JOSDK's per-kind default. */
  public static final String FINALIZER = "ecsoperator.io/finalizer";

  private final Operator operator;
  private final AwsAccounts accounts;
  private final KubernetesClient client;
  private final OperatorMetrics metrics;
  private volatile boolean closing;

  /** With metrics of its own; the AWS calls of {@code aws} are not among them. */
  public OperatorApp(KubernetesClient client, AwsClientFactory aws, OperatorSettings settings) {
    this(client, aws, settings, new OperatorMetrics());
  }

  /**
   * @param metrics where reconciles and JOSDK's meters go; give {@code aws} the same object as its
   *     call listener so AWS calls are counted there too
   */
  public OperatorApp(
      KubernetesClient client,
      AwsClientFactory aws,
      OperatorSettings settings,
      OperatorMetrics metrics) {
    this.client = client;
    this.accounts = new AwsAccounts(client, aws, metrics::forAccount);
    this.metrics = metrics;
    this.operator = new Operator(o -> configure(o, settings));
    var conditions = new StatusConditions(Clock.systemUTC());
    var events = new EventRecorder(client);
    operator.register(
        new AwsAccountController(
            accounts,
            settings.namespaces(),
            conditions,
            settings.resyncInterval(),
            settings.progressInterval()),
        o -> o.withRetry(RETRYABLE_ERRORS));
    var wiring =
        new ControllerWiring(
            accounts,
            client,
            conditions,
            events,
            settings.withInstallation(
                InstallationIdentity.resolve(settings.installation(), client)));
    for (ManagedResourceController<?, ?, ?, ?> controller : KindRegistry.controllers(wiring)) {
      controller.reportTo(metrics);
      register(controller, settings);
    }
  }

  /** Reads KUBECONFIG (or the in-cluster account) and the AWS default chains. */
  public static OperatorApp fromEnvironment(OperatorSettings settings) {
    var metrics = new OperatorMetrics();
    return new OperatorApp(
        OperatorClient.builder().build(),
        new AwsClientFactory(awsSettings(settings), metrics),
        settings,
        metrics);
  }

  /**
   * The default chains, with this shard's part of the AWS rates. A call waits for its token at most
   * {@link #LONGEST_TOKEN_WAIT} holding a reconcile thread; a later token is held for its
   * reconcile, rescheduled for then, so reconciles of other objects and kinds are not queued behind
   * waits.
   */
  private static AwsSettings awsSettings(OperatorSettings settings) {
    AwsSettings aws = AwsSettings.fromEnvironment();
    return aws.withGuard(
        aws.guard()
            .withRateShare(settings.sharding().awsRateShare())
            .withTurnsHeld(LONGEST_TOKEN_WAIT, TOKENS_HELD_UP_TO));
  }

  private void configure(ConfigurationServiceOverrider o, OperatorSettings settings) {
    o.withKubernetesClient(client)
        .withConcurrentReconciliationThreads(settings.concurrency())
        .withMetrics(metrics.josdkMetrics());
    settings
        .leaderElection()
        .ifPresentOrElse(
            election ->
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        election.leaseName(),
                        election.leaseNamespace(),
                        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                        election.identity(),
                        new LeaderCallbacks(
                            () -> {
                              LOG.info("leading as {}", election.identity());
                              metrics.leading(true);
                            },
                            this::leadershipLost,
                            leader -> LOG.info("leader is {}", leader)),
                        // JOSDK would exit even when we stop on purpose, from inside the JVM's
                        // shutdown hook, where System.exit blocks forever.
                        false)),
            // Without leader election this replica is the one that reconciles.
            () -> metrics.leading(true));
  }

  /**
   * Leadership lost while running (the Lease could not be renewed in time): another replica may
   * already reconcile, so this one must stop at once; the kubelet restarts it as a standby.
   */
  private void leadershipLost() {
    metrics.leading(false);
    if (!closing) {
      LOG.error("lost the leader Lease; exiting so that only the new leader reconciles");
      System.exit(1);
    }
  }

  /** The operator's meters, for {@code /metrics}. */
  public OperatorMetrics metrics() {
    return metrics;
  }

  /** Liveness: false once the operator has stopped. */
  public boolean isLive() {
    return !closing;
  }

  /**
   * Readiness: started, with every informer synced and watching. A standby replica (not the leader)
   * is ready too: it has its caches and takes over as soon as it wins the Lease.
   */
  public boolean isReady() {
    return !closing
        && operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  private <R extends io.fabric8.kubernetes.api.model.HasMetadata> void register(
      Reconciler<R> reconciler, OperatorSettings settings) {
    Consumer<ControllerConfigurationOverrider<R>> overrides =
        o -> {
          o.withFinalizer(FINALIZER);
          // A backstop only: each reconcile schedules the object's next drift check itself, on
          // its group's grid (DriftCheckSchedule), so that checks that batch happen together.
          o.withReconciliationMaxInterval(settings.resyncInterval());
          o.withRetry(RETRYABLE_ERRORS);
          if (!settings.namespaces().isEmpty()) {
            o.settingNamespaces(new HashSet<>(settings.namespaces()));
          }
          // Only the primary informer: the informers of referred objects (ReferenceWatch) read
          // them whatever their labels, so a shard's objects may refer to another shard's.
          settings.sharding().labelSelector().ifPresent(o::withLabelSelector);
        };
    operator.register(reconciler, overrides);
  }

  public void start() {
    operator.start();
  }

  @Override
  public void close() {
    closing = true;
    operator.stop();
    accounts.close();
    accounts.own().close();
    client.close();
  }
}

package io.ecsoperator.operator.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.operator.testsupport.OperatorProcess;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two operator processes with leader election against the real API server: only the holder of the
 * Lease reconciles (counted on each process's /metrics); when it stops, the other takes over within
 * the lease duration and reconciles from then on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderElectionIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String LEASE = "ecs-operator-it";
  private static final Pattern LEADING = Pattern.compile("leading as (\\S+)");

  private final TestBed bed = TestBed.get();
  private String namespace;
  private OperatorProcess first;
  private OperatorProcess second;

  @BeforeAll
  void startTwoReplicas() {
    OperatorHarness.installCrds(bed);
    bed.resetAws();
    namespace = OperatorHarness.createNamespace(bed, "leader");
    first = replica("replica-1");
    second = replica("replica-2");
    for (OperatorProcess replica : List.of(first, second)) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(replica.get("/readyz").status())
                      .as("a standby is ready too; log %s", replica.logFile())
                      .isEqualTo(200));
    }
  }

  private OperatorProcess replica(String name) {
    return OperatorProcess.start(
        bed,
        name,
        Map.of("POD_NAMESPACE", namespace),
        "--namespaces=" + namespace,
        "--leader-election",
        "--lease-name=" + LEASE,
        "--resync-interval=PT2S",
        "--progress-interval=PT1S");
  }

  @AfterAll
  void stopReplicas() {
    for (OperatorProcess replica : new OperatorProcess[] {first, second}) {
      if (replica != null) {
        replica.close();
      }
    }
  }

  @Test
  void onlyTheLeaderReconcilesAndTheStandbyTakesOverWhenItStops() throws Exception {
    try (KubernetesClient admin = OperatorHarness.newClient(bed)) {
      String holder = await().atMost(WAIT).until(() -> holder(admin), h -> h != null);
      OperatorProcess leader = identity(first).equals(holder) ? first : second;
      OperatorProcess standby = leader == first ? second : first;
      assertThat(identity(leader)).isEqualTo(holder);

      apply("web", "shop/leader-1");
      waitReady("web");
      Thread.sleep(Duration.ofSeconds(6).toMillis()); // three resyncs
      assertThat(reconciles(leader)).as("the leader's reconciles").isGreaterThanOrEqualTo(3);
      assertThat(awsCalls(leader)).as("the leader's AWS calls").isPositive();
      assertThat(reconciles(standby)).as("the standby's reconciles").isZero();
      assertThat(awsCalls(standby)).as("the standby's AWS calls").isZero();

      long stopped = System.nanoTime();
      int exit = leader.stop(Duration.ofSeconds(30));
      assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
      String newHolder =
          await()
              .atMost(WAIT)
              .pollInterval(Duration.ofMillis(200))
              .until(() -> holder(admin), h -> h != null && !h.equals(holder));
      Duration takeover = Duration.ofNanos(System.nanoTime() - stopped);
      System.out.printf(
          "leader election: the standby took the Lease %d ms after the leader stopped%n",
          takeover.toMillis());
      // The standby logs "leading as" just after its Lease write shows: wait for the line.
      await().atMost(WAIT).until(() -> identity(standby), newHolder::equals);
      // The old leader never released the Lease (JOSDK does not), so it expires: at most the
      // lease duration after its last renewal, plus one retry period of the standby.
      assertThat(takeover)
          .isLessThanOrEqualTo(
              LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE.plus(
                  LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE.multipliedBy(2)));

      apply("api", "shop/leader-2");
      waitReady("api");
      assertThat(reconciles(standby)).as("the new leader's reconciles").isPositive();
      assertThat(awsCalls(standby)).as("the new leader's AWS calls").isPositive();
    }
  }

  private String holder(KubernetesClient admin) {
    Lease lease = admin.leases().inNamespace(namespace).withName(LEASE).get();
    return lease == null || lease.getSpec().getHolderIdentity() == null
        ? null
        : lease.getSpec().getHolderIdentity();
  }

  /** The identity a replica announced when it became leader, or "" if it never did. */
  private static String identity(OperatorProcess replica) {
    Matcher m = LEADING.matcher(replica.log());
    return m.find() ? m.group(1) : "";
  }

  private static double reconciles(OperatorProcess replica) {
    return replica.metric("ecsoperator_reconciles_seconds_count");
  }

  private static double awsCalls(OperatorProcess replica) {
    return replica.metric("ecsoperator_aws_calls_seconds_count");
  }

  private void apply(String name, String repositoryName) throws Exception {
    String yaml =
        Files.readString(bed.repoRoot().resolve("examples/ecr-repository.yaml"))
            .replace("name: web\n", "name: " + name + "\n")
            .replace("repositoryName: shop/web", "repositoryName: " + repositoryName);
    bed.kubectlWithInput(yaml, "apply", "-n", namespace, "-f", "-").assertSuccess("apply");
  }

  private void waitReady(String name) {
    bed.kubectl(
            "wait",
            "--for=condition=Ready",
            "ecrrepository/" + name,
            "-n",
            namespace,
            "--timeout=" + WAIT.toSeconds() + "s")
        .assertSuccess("wait for " + name);
  }
}

package io.ecsoperator.operator.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.testsupport.AwsFaultProxy;
import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The status contract (DESIGN §5, R1–R6) on live EcrRepository objects at each phase, read as
 * kstatus and {@code kubectl wait} read them.
 */
class EcrRepositoryKstatusIT extends OperatorE2E {

  private TestBed bed;
  private EcrClient ecr;

  /** A namespace no operator watches: objects there stay as the API server made them. */
  private String unwatched;

  EcrRepositoryKstatusIT() {
    super("kstatus", new Example("ecr-repository.yaml", "web", "repositoryName", "shop/web"));
  }

  @BeforeAll
  void clientsAndUnwatchedNamespace() {
    bed = h.bed;
    ecr = h.aws.forRegion(null).ecr();
    unwatched = OperatorHarness.createNamespace(bed, "kstatus-unwatched");
  }

  /** Runs before the base class stops the operator, which does not watch this namespace. */
  @AfterAll
  void deleteUnwatchedNamespace() {
    if (unwatched != null) {
      bed.kubectl("delete", "namespace", unwatched, "--wait=false");
    }
  }

  @Test
  void aNewObjectIsInProgressUntilTheOperatorHasSeenIt() {
    bed.kubectlWithInput(
            repository("unseen", "kstatus/unseen", ""), "apply", "-n", unwatched, "-f", "-")
        .assertSuccess("apply");

    KstatusAssert.live(bed, unwatched, "ecrrepository/unseen").hasGeneration(1).isNotSeenYet();

    Processes.Result wait =
        bed.kubectl(
            "wait",
            "--for=condition=Ready",
            "ecrrepository/unseen",
            "-n",
            unwatched,
            "--timeout=3s");
    assertThat(wait.exitCode()).as("kubectl wait for Ready times out").isNotZero();
    KstatusAssert.live(bed, unwatched, "ecrrepository/unseen").isNotSeenYet();
    assertThat(exists("kstatus/unseen")).as("nothing reconciled it").isFalse();
  }

  @Test
  void waitingForAMissingRepositoryIsReconcilingThenReadyOnceItExists() {
    h.apply(repository("awaited", "kstatus/awaited", "managementPolicy: ObserveOnly"))
        .assertSuccess("apply");

    h.waitFor("condition=Reconciling", "ecrrepository/awaited", WAIT);
    live("awaited").hasGeneration(1).isReconciling("NotFound");
    assertThat(exists("kstatus/awaited")).as("observe-only never creates").isFalse();

    ecr.createRepository(r -> r.repositoryName("kstatus/awaited"));

    h.waitFor("condition=Ready", "ecrrepository/awaited", WAIT);
    live("awaited").hasGeneration(1).isReady();
  }

  @Test
  void anUnownedRepositoryIsStalledWithoutRetryingThenReadyOnceAdopted() {
    ecr.createRepository(r -> r.repositoryName("kstatus/legacy"));

    h.apply(repository("legacy", "kstatus/legacy", "adopt: false")).assertSuccess("apply");

    h.waitFor("condition=Stalled", "ecrrepository/legacy", WAIT);
    live("legacy").hasGeneration(1).isStalled("AlreadyExists");
    // Resyncs keep it Stalled; it never flips to Reconciling.
    await()
        .during(RESYNC.multipliedBy(2))
        .atMost(RESYNC.multipliedBy(4))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> live("legacy").isStalled("AlreadyExists"));

    h.apply(repository("legacy", "kstatus/legacy", "adopt: true")).assertSuccess("apply adopt");

    h.waitFor("condition=Ready", "ecrrepository/legacy", WAIT);
    live("legacy").hasGeneration(2).isReady();
  }

  @Test
  void aManagedRepositoryIsReadyAtEachGeneration() throws IOException {
    String example = exampleYaml();
    h.apply(example).assertSuccess("apply");

    h.waitFor("condition=Ready", "ecrrepository/web", WAIT);
    KstatusAssert ready = live("web").hasGeneration(1).isReady();
    assertThat(ready.object().at("/status/arn").asText()).endsWith(":repository/shop/web");

    h.apply(example.replace("countNumber: 50", "countNumber: 20")).assertSuccess("apply edit");

    h.waitFor("jsonpath={.status.observedGeneration}=2", "ecrrepository/web", WAIT);
    h.waitFor("condition=Ready", "ecrrepository/web", WAIT);
    live("web").hasGeneration(2).isReady();
  }

  @Test
  void aRetryableAwsErrorIsReconcilingNeverStalledAndClearsWhenAwsRecovers() {
    try (AwsFaultProxy proxy = AwsFaultProxy.inFrontOf(bed.awsEndpoint())) {
      StubMapping throttling =
          proxy.failWith(
              "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories",
              "kstatus/throttled",
              400,
              "ThrottlingException",
              "Rate exceeded");
      try (OperatorHarness faulty =
          OperatorHarness.start("kstatus-faults", RESYNC, proxy.endpoint())) {
        faulty.apply(repository("throttled", "kstatus/throttled", "")).assertSuccess("apply");

        faulty.waitFor("condition=Reconciling", "ecrrepository/throttled", WAIT);
        // Throttled, or the circuit it opened: both retryable, never Stalled, while AWS throttles.
        await()
            .during(Duration.ofSeconds(6))
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () ->
                    KstatusAssert.live(bed, faulty.namespace, "ecrrepository/throttled")
                        .hasGeneration(1)
                        .isReconciling("Throttled", "AwsCircuitOpen"));
        assertThat(exists("kstatus/throttled")).isFalse();

        proxy.heal(throttling);

        faulty.waitFor("condition=Ready", "ecrrepository/throttled", WAIT);
        KstatusAssert.live(bed, faulty.namespace, "ecrrepository/throttled")
            .hasGeneration(1)
            .isReady();
        assertThat(exists("kstatus/throttled")).isTrue();
      }
    }
  }

  private KstatusAssert live(String name) {
    return KstatusAssert.live(bed, h.namespace, "ecrrepository/" + name);
  }

  private static String repository(String name, String repositoryName, String extraSpec) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcrRepository
        metadata:
          name: %s
        spec:
          repositoryName: %s
          %s
        """
        .formatted(name, repositoryName, extraSpec);
  }

  private boolean exists(String name) {
    try {
      ecr.describeRepositories(r -> r.repositoryNames(name));
      return true;
    } catch (RepositoryNotFoundException e) {
      return false;
    }
  }
}

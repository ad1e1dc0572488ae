package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.operator.account.AccountClients;
import io.ecsoperator.operator.cli.apply.Applier;
import io.ecsoperator.operator.cli.apply.ObjectState;
import io.ecsoperator.operator.cli.apply.ObjectStatus;
import io.ecsoperator.operator.cli.apply.StopSignal;
import io.ecsoperator.operator.cli.kind.CliKinds;
import io.ecsoperator.operator.cli.manifest.ManifestLoader;
import io.ecsoperator.operator.cli.manifest.ResourceGraph;
import io.ecsoperator.operator.kinds.KindRegistry;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryAdapter;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryReader;
import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply against moto: order, Ready, idempotence, failures, timeouts and Ctrl-C. */
class CliApplyIT {

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void emptyAccount() {
    cli.bed.resetAws();
    cli.calls.reset();
  }

  @Test
  void appliesTheQuickstartInDependencyOrderThenChangesNothingTheSecondTime() {
    String quickstart = cli.bed.repoRoot().resolve("examples/quickstart").toString();

    CliHarness.Result first = cli.run("apply", "-f", quickstart);

    assertThat(first.exitCode()).as(first.output()).isZero();
    List<String> lines = first.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Applying 4 objects, then waiting up to 10m for Ready:");
    assertThat(lines.get(1))
        .startsWith("EcrRepository default/web (repository quickstart/web): Ready: created in AWS");
    assertThat(lines.get(2))
        .startsWith("EcsCluster default/quickstart (cluster quickstart): Ready: created in AWS");
    assertThat(lines.get(3))
        .startsWith(
            "EcsTaskDefinition default/web (task definition quickstart-web): Ready: created in"
                + " AWS");
    assertThat(lines.get(4))
        .startsWith("EcsService default/web (service quickstart-web): Ready: created in AWS");
    assertThat(lines).contains("Apply: 4 ready.");
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      assertThat(EcrRepositoryReader.read(clients, "quickstart/web", false, false).tags())
          .containsEntry(ResourceRef.OWNER_TAG, "default/web")
          .doesNotContainKey(ResourceRef.UID_TAG);
    }

    cli.calls.reset();
    CliHarness.Result second = cli.run("apply", "-f", quickstart);

    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("Ready: in sync with AWS").contains("Apply: 4 ready.");
    assertThat(cli.calls.writes()).as("nothing to change, nothing written").isEmpty();
  }

  /**
   * What the CLI applied, the operator later reconciles as its own: its object (same namespace and
   * name, with a UID) finds the owner tag, and the engine writes nothing.
   */
  @Test
  void theOperatorRecognisesWhatTheCliAppliedAsTheSameObjects() throws Exception {
    Path file = cli.bed.repoRoot().resolve("examples/quickstart/ecr-repository.yaml");
    assertThat(cli.run("apply", "-f", file.toString(), "-n", "shop").exitCode()).isZero();
    EcrRepository web =
        (EcrRepository)
            new ManifestLoader(KindRegistry.cliKinds(), InputStream.nullInputStream())
                .load(List.of(file.toString()), "shop")
                .manifests()
                .get(0)
                .resource();
    ResourceRef operatorsRef = new ResourceRef("shop", "web", "3f1c2a9e-uid-of-the-object");

    try (AwsClientFactory aws = cli.awsClients(AwsCallListener.NONE)) {
      EcrRepositoryAdapter adapter = new EcrRepositoryAdapter(aws, web.repositoryName());
      assertThat(adapter.observe(operatorsRef, web.getSpec()).ownership())
          .isEqualTo(Ownership.OURS);
      cli.calls.reset();
      ReconcileOutcome<?> outcome =
          ReconcileEngine.reconcile(adapter, operatorsRef, web.getSpec(), false);
      assertThat(outcome.state()).isEqualTo(ReconcileOutcome.State.READY);
    }
    assertThat(cli.calls.writes()).isEmpty();
  }

  @Test
  void aStalledObjectFailsTheApplyAndNoWaitReturnsAtOnce() {
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      aws.forRegion(null).ecr().createRepository(r -> r.repositoryName("legacy"));
    }
    Path file =
        CliHarness.write(
            dir,
            "two.yaml",
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcrRepository
            metadata: {name: legacy}
            spec: {}
            ---
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsCluster
            metadata: {name: shop}
            spec: {}
            """);

    CliHarness.Result result = cli.run("apply", "-f", file.toString(), "--no-wait");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .startsWith("Applying 2 objects:\n")
        .contains(
            "EcrRepository default/legacy (repository legacy): Stalled (AlreadyExists): an AWS"
                + " resource of this name exists and is not managed by ecs-operator; set"
                + " spec.adopt: true to take it over")
        .contains("EcsCluster default/shop (cluster shop): Ready: created in AWS")
        .contains("Apply: 1 ready, 1 stalled.");
  }

  /** Observe-only of a missing resource never gets Ready: the wait ends at the timeout. */
  @Test
  void waitingEndsAtTheTimeout() {
    Path file =
        CliHarness.write(
            dir,
            "ghost.yaml",
            "apiVersion: ecsoperator.io/v1alpha1\nkind: EcsCluster\nmetadata: {name: ghost}\n"
                + "spec: {managementPolicy: ObserveOnly}\n");

    CliHarness.Result result = cli.run("apply", "-f", file.toString(), "--timeout", "1s");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains("Reconciling (NotFound): observe-only: the AWS resource does not exist")
        .contains("Apply: 1 reconciling.")
        .contains("Timed out after 1s.");
    assertThat(cli.calls.writes()).isEmpty();
    assertThat(cli.calls.all().get("DescribeClusters"))
        .as("checked again while waiting")
        .isGreaterThan(1);
  }

  /**
   * Ctrl-C while the first repository is being created: that call completes, nothing else starts,
   * and the repository it made is whole (its ownership tags were part of the create call).
   */
  @Test
  void aStopLetsTheCallInFlightFinishAndStartsNoOther() throws Exception {
    StringBuilder yaml = new StringBuilder();
    for (String name : List.of("one", "two", "three")) {
      yaml.append(
          "---\napiVersion: ecsoperator.io/v1alpha1\nkind: EcrRepository\nmetadata: {name: "
              + name
              + "}\nspec: {}\n");
    }
    CliKinds kinds = KindRegistry.cliKinds();
    ManifestLoader.Loaded loaded =
        new ManifestLoader(kinds, InputStream.nullInputStream())
            .load(
                List.of(CliHarness.write(dir, "three.yaml", yaml.toString()).toString()),
                "default");
    ResourceGraph graph = ResourceGraph.of(loaded.manifests(), loaded.accounts(), kinds);
    StopSignal stop = new StopSignal();
    List<String> calls = new ArrayList<>();
    AwsCallListener ctrlC =
        new AwsCallListener() {
          @Override
          public void beforeCall(String service, String operation) {
            stop.beforeCall(service, operation);
            calls.add(operation);
          }

          @Override
          public void onCall(String service, String operation, String outcome, Duration took) {
            if (operation.equals("CreateRepository")) {
              stop.request(); // as if Ctrl-C came while the call was in flight
            }
          }
        };
    Map<String, ObjectStatus> statuses = new java.util.TreeMap<>();
    Applier.Result result;
    try (AwsClientFactory aws = cli.awsClients(ctrlC);
        AccountClients accounts = new AccountClients(aws, account -> ctrlC)) {
      result =
          new Applier(
                  accounts,
                  stop,
                  (m, s) -> statuses.put(m.name(), s),
                  Duration.ofMillis(100),
                  Clock.systemUTC())
              .apply(graph, Duration.ofMinutes(1));
    }

    assertThat(result.interrupted()).isTrue();
    assertThat(calls).containsExactly("DescribeRepositories", "CreateRepository");
    assertThat(statuses.get("one").state()).isEqualTo(ObjectState.STALLED);
    assertThat(statuses.get("one").reason()).isEqualTo("Interrupted");
    assertThat(statuses.get("two").state()).isEqualTo(ObjectState.NOT_STARTED);
    assertThat(statuses.get("three").state()).isEqualTo(ObjectState.NOT_STARTED);
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      assertThat(EcrRepositoryReader.read(clients, "one", false, false).tags())
          .containsEntry(ResourceRef.OWNER_TAG, "default/one");
      assertThat(EcrRepositoryReader.read(clients, "two", false, false)).isNull();
    }
  }
}

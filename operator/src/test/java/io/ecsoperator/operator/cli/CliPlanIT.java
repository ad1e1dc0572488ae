package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan against moto: an estate where every outcome occurs (create, update, adoption, blocked for
 * each reason, observe-only drift and absence, no change), its text compared with a golden file,
 * and not one AWS write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliPlanIT {

  private static final String BEFORE =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcrRepository
      metadata: {name: web}
      spec:
        repositoryName: shop/web
        imageScanningConfiguration: {scanOnPush: true}
        tags: {team: web}
      ---
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcrRepository
      metadata: {name: secure}
      spec:
        encryptionConfiguration: {encryptionType: AES256}
      ---
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsCluster
      metadata: {name: shop}
      spec:
        settings: [{name: containerInsights, value: enabled}]
      """;

  /** The files under review: the same objects, some edited, and others. */
  private static final String AFTER =
      BEFORE
              .replace("tags: {team: web}", "tags: {team: shop}")
              .replace("encryptionType: AES256", "encryptionType: KMS")
          + """
          ---
          apiVersion: ecsoperator.io/v1alpha1
          kind: EcrRepository
          metadata: {name: legacy}
          spec: {}
          ---
          apiVersion: ecsoperator.io/v1alpha1
          kind: EcrRepository
          metadata: {name: taken}
          spec: {adopt: true}
          ---
          apiVersion: ecsoperator.io/v1alpha1
          kind: EcrRepository
          metadata: {name: api}
          spec: {imageTagMutability: IMMUTABLE}
          ---
          apiVersion: ecsoperator.io/v1alpha1
          kind: EcsCluster
          metadata: {name: batch}
          spec: {adopt: true}
          ---
          apiVersion: ecsoperator.io/v1alpha1
          kind: EcsCluster
          metadata: {name: audit}
          spec:
            managementPolicy: ObserveOnly
            settings: [{name: containerInsights, value: disabled}]
          ---
          apiVersion: ecsoperator.io/v1alpha1
          kind: EcsCluster
          metadata: {name: ghost}
          spec: {managementPolicy: ObserveOnly}
          """;

  private final CliHarness cli = new CliHarness();

  @TempDir static Path dir;

  @BeforeAll
  void estate() {
    cli.bed.resetAws();
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      clients.ecr().createRepository(r -> r.repositoryName("legacy"));
      clients
          .ecr()
          .createRepository(
              r ->
                  r.repositoryName("taken")
                      .tags(t -> t.key("ecsoperator.io/owner").value("other/x")));
      clients.ecs().createCluster(r -> r.clusterName("batch"));
      clients
          .ecs()
          .createCluster(
              r ->
                  r.clusterName("audit")
                      .settings(s -> s.name("containerInsights").value("enabled")));
    }
    Path before = CliHarness.write(dir, "before.yaml", BEFORE);
    assertThat(cli.run("apply", "-f", before.toString()).exitCode()).isZero();
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      // Changed outside: drift that plan shows as an update.
      aws.forRegion(null)
          .ecr()
          .putImageScanningConfiguration(
              r ->
                  r.repositoryName("shop/web")
                      .imageScanningConfiguration(s -> s.scanOnPush(false)));
    }
  }

  @Test
  void showsWhatApplyWouldDoAndWritesNothing() {
    Path after = CliHarness.write(dir, "after.yaml", AFTER);
    cli.calls.reset();

    CliHarness.Result plan = cli.run("plan", "-f", after.toString());

    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(2);
    Golden.assertMatches("plan/estate.txt", plan.out());
    assertThat(cli.calls.writes()).as("plan only reads").isEmpty();
    assertThat(cli.calls.all()).isNotEmpty();
  }

  @Test
  void jsonOutputHasTheSameDecisions() {
    Path after = CliHarness.write(dir, "after.yaml", AFTER);

    CliHarness.Result plan = cli.run("plan", "-f", after.toString(), "--output", "json");

    JsonNode json = Json.parse(plan.out());
    assertThat(json.path("resources")).hasSize(9);
    assertThat(json.path("resources").findValuesAsText("action"))
        .contains("create", "blocked", "no-change", "drift", "missing");
    assertThat(json.path("summary").path("blocked").asInt()).isEqualTo(3);
  }

  @Test
  void nothingToChangeExitsWith0() {
    Path none =
        CliHarness.write(
            dir,
            "none.yaml",
            "apiVersion: ecsoperator.io/v1alpha1\nkind: EcsCluster\nmetadata: {name: batch}\n"
                + "spec: {adopt: true}\n");

    CliHarness.Result plan = cli.run("plan", "-f", none.toString());

    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out())
        .isEqualTo(
            "= EcsCluster default/batch: adopt, no change to cluster batch in us-east-1\n"
                + "Plan: 0 to create, 0 to update, 0 blocked, 1 unchanged.\n");
  }
}

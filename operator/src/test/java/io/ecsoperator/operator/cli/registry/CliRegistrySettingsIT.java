package io.ecsoperator.operator.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.cli.CliHarness;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.testsupport.RegistrySettingsInAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The registry settings in the CLI against moto: the example is applied and then plans no change,
 * import --registry writes what is not AWS's default and plans no change, and two objects for one
 * registry are refused before any AWS call.
 */
class CliRegistrySettingsIT {

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void emptyAccount() {
    cli.bed.resetAws();
  }

  @Test
  void theExampleIsAppliedThenPlansNoChange() {
    String example = cli.bed.repoRoot().resolve("examples/registry-settings.yaml").toString();

    CliHarness.Result apply = cli.run("apply", "-f", example);

    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(apply.out()).contains("Apply: 2 ready.");
    withEcr(
        ecr -> {
          assertThat(ecr.describeRegistry(r -> {}).replicationConfiguration().rules()).hasSize(2);
          assertThat(
                  ecr.getRegistryScanningConfiguration(r -> {})
                      .scanningConfiguration()
                      .scanTypeAsString())
              .isEqualTo("ENHANCED");
        });
    cli.calls.reset();
    CliHarness.Result plan = cli.run("plan", "-f", example);
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out()).endsWith("Plan: 0 to create, 0 to update, 0 blocked, 2 unchanged.\n");
    assertThat(cli.calls.writes()).isEmpty();
  }

  @Test
  void importOfTheRegistryWritesWhatIsNotTheDefaultAndPlansNoChange() throws Exception {
    CliHarness.Result fresh = cli.run("import", "--registry");
    assertThat(fresh.exitCode()).as(fresh.output()).isZero();
    assertThat(fresh.out()).as("AWS's defaults are not imported").doesNotContain("kind:");

    withEcr(ecr -> RegistrySettingsInAws.replicate(ecr, "us-west-2", "123456789012", "prod"));
    Path file = dir.resolve("registry.yaml");
    CliHarness.Result imported = cli.run("import", "--registry", "-o", file.toString());

    assertThat(imported.exitCode()).as(imported.output()).isZero();
    assertThat(Files.readString(file))
        .contains("kind: EcrReplicationConfiguration")
        .contains("adopt: true")
        .contains("filter: prod")
        .doesNotContain("EcrRegistryScanningConfiguration");
    cli.calls.reset();
    CliHarness.Result plan = cli.run("plan", "-f", file.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out()).endsWith("Plan: 0 to create, 0 to update, 0 blocked, 1 unchanged.\n");
    assertThat(cli.calls.writes()).isEmpty();
  }

  @Test
  void twoObjectsForOneRegistryAreRefusedBeforeAnyAwsCall() {
    String object =
        """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcrRegistryScanningConfiguration
        metadata:
          name: %s
        spec:
          scanType: BASIC
        """;

    CliHarness.Result plan =
        cli.runWithInput(
            object.formatted("one") + "---\n" + object.formatted("two"), "plan", "-f", "-");

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .contains(
            "EcrRegistryScanningConfiguration default/two declares the registry setting of the"
                + " default region, which EcrRegistryScanningConfiguration default/one")
        .contains("keep one of them");
    assertThat(cli.calls.all()).isEmpty();
  }

  private void withEcr(Consumer<EcrClient> use) {
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      use.accept(aws.forRegion(null).ecr());
    }
  }
}

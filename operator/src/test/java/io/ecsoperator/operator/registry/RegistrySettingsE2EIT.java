package io.ecsoperator.operator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.testsupport.RegistrySettingsInAws;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.RegistryScanningConfiguration;
import software.amazon.awssdk.services.ecr.model.ReplicationRule;

/**
 * EcrReplicationConfiguration and EcrRegistryScanningConfiguration end to end with kubectl: the
 * example goes Ready, out-of-band Puts are corrected, a no-op pass writes nothing, and a second
 * object for the same registry is Stalled without writing until the owner is deleted. The registry
 * is the account's and region's, so each test leaves it at AWS's default.
 */
class RegistrySettingsE2EIT extends OperatorE2E {

  private static final String REPLICATION = "ecrreplicationconfiguration/";
  private static final String SCANNING = "ecrregistryscanningconfiguration/";
  private static final String OBJECT =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcrReplicationConfiguration
      metadata:
        name: %s
      spec:
        rules:
          - destinations: [{region: %s, registryId: "210987654321"}]
      """;

  private EcrClient ecr;

  RegistrySettingsE2EIT() {
    super("registry", new Example("registry-settings.yaml", "registry-replication", "", ""));
  }

  @BeforeAll
  void ecrClient() {
    ecr = h.aws.forRegion(null).ecr();
  }

  /** Deleting the objects (deletionPolicy Delete) puts the registry back to AWS's default. */
  @AfterEach
  void deleteObjects() {
    h.kubectl(
            "delete",
            "ecrreplicationconfigurations,ecrregistryscanningconfigurations",
            "--all",
            "--timeout=60s")
        .assertSuccess("delete the objects");
    assertThat(replicationRules()).as("reset by the owner's deletion").isEmpty();
    assertThat(scanning().scanTypeAsString()).isEqualTo("BASIC");
    assertThat(scanning().rules()).isEmpty();
  }

  @Test
  void theExampleGoesReadyAndReapplyingItWritesNothing() throws IOException, InterruptedException {
    h.apply(exampleYaml()).assertSuccess("apply");
    h.waitFor("condition=Ready", REPLICATION + "registry-replication", WAIT);
    h.waitFor("condition=Ready", SCANNING + "registry-scanning", WAIT);

    assertThat(replicationRules()).hasSize(2);
    assertThat(replicationRules().get(0).repositoryFilters().get(0).filter()).isEqualTo("prod");
    assertThat(scanning().scanTypeAsString()).isEqualTo("ENHANCED");
    assertThat(scanning().rules()).hasSize(2);
    assertThat(h.get(REPLICATION + "registry-replication", ".status.registryId"))
        .isEqualTo("123456789012");
    String resourceVersion = h.get(SCANNING + "registry-scanning", ".metadata.resourceVersion");
    h.calls.reset();

    h.apply(exampleYaml()).assertSuccess("apply again");
    Thread.sleep(RESYNC.multipliedBy(3).toMillis());

    assertThat(h.calls.all())
        .as("the drift checks read AWS")
        .containsKeys("DescribeRegistry", "GetRegistryScanningConfiguration");
    assertThat(h.calls.writes()).as("AWS writes of a re-apply and no-op passes").isEmpty();
    assertThat(h.get(SCANNING + "registry-scanning", ".metadata.resourceVersion"))
        .as("no status write")
        .isEqualTo(resourceVersion);
  }

  @Test
  void putsMadeOutsideTheOperatorAreCorrected() throws IOException {
    h.apply(exampleYaml()).assertSuccess("apply");
    h.waitFor("condition=Ready", REPLICATION + "registry-replication", WAIT);
    h.waitFor("condition=Ready", SCANNING + "registry-scanning", WAIT);

    ecr.putReplicationConfiguration(r -> r.replicationConfiguration(c -> c.rules(List.of())));
    ecr.putRegistryScanningConfiguration(r -> r.scanType("BASIC").rules(List.of()));

    await()
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(
            () -> {
              assertThat(replicationRules()).hasSize(2);
              assertThat(scanning().scanTypeAsString()).isEqualTo("ENHANCED");
            });
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(events("registry-replication")).contains("DriftCorrected");
              assertThat(events("registry-scanning")).contains("DriftCorrected");
            });
  }

  @Test
  void aSecondObjectForTheRegistryWaitsWithoutWritingAndTakesOverWhenTheOwnerGoes()
      throws InterruptedException {
    h.apply(OBJECT.formatted("first", "eu-central-1")).assertSuccess("apply the first");
    h.waitFor("condition=Ready", REPLICATION + "first", WAIT);
    Thread.sleep(1_000); // creationTimestamp has whole seconds: the second is strictly younger
    h.calls.reset();

    h.apply(OBJECT.formatted("second", "ap-south-1")).assertSuccess("apply the second");

    waitForReason(REPLICATION + "second", "Stalled", "RegistrySettingOwnedByOther");
    assertThat(h.get(REPLICATION + "second", conditionMessage("Stalled")))
        .contains(
            "EcrReplicationConfiguration " + h.namespace + "/first owns the registry setting");
    Thread.sleep(RESYNC.multipliedBy(3).toMillis());
    assertThat(h.calls.writes()).as("neither object writes").isEmpty();
    assertThat(destinationRegion()).isEqualTo("eu-central-1");
    assertThat(h.get(REPLICATION + "first", conditionMessage("Ready")))
        .isEqualTo("in sync with AWS");
    h.apply(OBJECT.formatted("third", "me-south-1")).assertSuccess("apply a third");
    waitForReason(REPLICATION + "third", "Stalled", "RegistrySettingOwnedByOther");
    h.kubectl("delete", REPLICATION + "third", "--timeout=60s").assertSuccess("delete the third");
    assertThat(h.calls.writes()).as("deleting an object that does not own it").isEmpty();
    assertThat(destinationRegion()).isEqualTo("eu-central-1");

    h.kubectl("delete", REPLICATION + "first", "--timeout=60s").assertSuccess("delete the first");

    h.waitFor("condition=Ready", REPLICATION + "second", Duration.ofSeconds(20));
    assertThat(destinationRegion()).isEqualTo("ap-south-1");
  }

  @Test
  void anExistingConfigurationIsOnlyTakenOverWithAdopt() {
    RegistrySettingsInAws.replicate(ecr, "sa-east-1", "210987654321", null);
    String legacy = OBJECT.formatted("legacy", "eu-central-1");

    h.apply(legacy).assertSuccess("apply");
    waitForReason(REPLICATION + "legacy", "Stalled", "AlreadyExists");
    assertThat(destinationRegion()).isEqualTo("sa-east-1");

    h.apply(legacy.replace("  rules:", "  adopt: true\n  rules:")).assertSuccess("apply adopt");
    h.waitFor("condition=Ready", REPLICATION + "legacy", WAIT);
    assertThat(destinationRegion()).isEqualTo("eu-central-1");
  }

  private List<ReplicationRule> replicationRules() {
    return ecr.describeRegistry(r -> {}).replicationConfiguration().rules();
  }

  private String destinationRegion() {
    return replicationRules().get(0).destinations().get(0).region();
  }

  private RegistryScanningConfiguration scanning() {
    return ecr.getRegistryScanningConfiguration(r -> {}).scanningConfiguration();
  }
}

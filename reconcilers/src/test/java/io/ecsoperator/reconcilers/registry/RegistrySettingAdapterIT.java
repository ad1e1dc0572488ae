package io.ecsoperator.reconcilers.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfigurationSpec;
import io.ecsoperator.crds.replication.EcrReplicationConfigurationSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.registryscanning.EcrRegistryScanningConfigurationAdapter;
import io.ecsoperator.reconcilers.registryscanning.ScanningSettings;
import io.ecsoperator.reconcilers.replication.EcrReplicationConfigurationAdapter;
import io.ecsoperator.reconcilers.replication.ReplicationRules;
import io.ecsoperator.testsupport.AdapterIT;
import io.ecsoperator.testsupport.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registry-wide settings against moto and the bed's ECR model: AWS's default is "nothing there", a
 * non-default setting needs adopt: true unless the object owns it already, deleting puts the
 * default back.
 */
class RegistrySettingAdapterIT
    extends AdapterIT<
        EcrReplicationConfigurationSpec, RegistrySetting<List<ReplicationRules.Rule>>> {

  private static final String RULES =
      """
      rules:
        - destinations: [{region: eu-central-1, registryId: "210987654321"}]
          repositoryFilters: [{filter: prod}]
      """;
  private static final String OTHER_RULES = RULES.replace("prod", "shop");

  @Override
  protected ResourceAdapter<
          EcrReplicationConfigurationSpec, RegistrySetting<List<ReplicationRules.Rule>>>
      newAdapter(AwsClientFactory aws) {
    return new EcrReplicationConfigurationAdapter(aws, false);
  }

  @Override
  protected Class<EcrReplicationConfigurationSpec> specClass() {
    return EcrReplicationConfigurationSpec.class;
  }

  @Override
  protected String fullSpecYaml() {
    return RULES + "region: " + bed.region() + "\n";
  }

  @Test
  void aSettingMadeOutsideNeedsAdoptThenIsOwnedAndCorrected() {
    // Someone else's configuration: the object that wrote it has gone with Retain.
    assertThat(reconcile(spec(OTHER_RULES), false).state()).isEqualTo(State.READY);
    calls.reset();

    // A new object over a configuration it did not write.
    ReconcileOutcome<?> refused = reconcile(fullSpec(), false);

    assertThat(refused.state()).isEqualTo(State.STALLED);
    assertThat(refused.reason()).isEqualTo("AlreadyExists");
    assertThat(calls.writes()).isEmpty();

    ReconcileOutcome<?> adopted = reconcile(spec(fullSpecYaml() + "adopt: true\n"), false);

    assertThat(adopted.state()).isEqualTo(State.READY);
    assertThat(adopted.notices()).extracting(Notice::reason).contains("Adopted", "Updated");
    assertThat(calls.writes()).containsOnlyKeys("PutReplicationConfiguration");
  }

  @Test
  void anOwnedSettingChangedOutsideIsCorrectedWithoutAdopt() {
    var owned = new EcrReplicationConfigurationAdapter(aws, true);
    assertThat(ReconcileEngine.reconcile(owned, REF, fullSpec(), false).state())
        .isEqualTo(State.READY);
    new EcrReplicationConfigurationAdapter(aws, false)
        .update(REF, spec(OTHER_RULES), null); // a Put outside the operator

    ReconcileOutcome<?> corrected = ReconcileEngine.reconcile(owned, REF, fullSpec(), true);

    assertThat(corrected.state()).isEqualTo(State.READY);
    assertThat(corrected.notices()).extracting(Notice::reason).containsExactly("DriftCorrected");
  }

  @Test
  void deletingPutsTheDefaultBackAndRetainLeavesTheSetting() {
    reconcile(fullSpec(), false);

    assertThat(
            ReconcileEngine.delete(adapter, REF, spec(fullSpecYaml() + "deletionPolicy: Retain\n"))
                .reason())
        .isEqualTo("Retained");
    assertThat(EcrReplicationConfigurationAdapter.readFrom(aws.forRegion(null)).configuration())
        .hasSize(1);
    assertThat(ReconcileEngine.delete(adapter, REF, fullSpec()).reason()).isEqualTo("Reset");
    assertThat(EcrReplicationConfigurationAdapter.readFrom(aws.forRegion(null)).configuration())
        .isEmpty();
  }

  @Test
  void enhancedScanningIsPutAndDeletingGoesBackToBasicWithoutRules() {
    var scanning = new EcrRegistryScanningConfigurationAdapter(aws, false);
    EcrRegistryScanningConfigurationSpec spec =
        Specs.parse(
            """
            scanType: ENHANCED
            rules:
              - scanFrequency: CONTINUOUS_SCAN
                repositoryFilters: [{filter: "prod-*"}]
            """,
            EcrRegistryScanningConfigurationSpec.class);

    assertThat(ReconcileEngine.reconcile(scanning, REF, spec, false).notices())
        .extracting(Notice::reason)
        .containsExactly("Created");
    calls.reset();
    assertThat(ReconcileEngine.reconcile(scanning, REF, spec, true).state()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEmpty();

    DeleteOutcome deleted = ReconcileEngine.delete(scanning, REF, spec);

    assertThat(deleted.progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    ScanningSettings after =
        EcrRegistryScanningConfigurationAdapter.readFrom(aws.forRegion(null)).configuration();
    assertThat(after).isEqualTo(ScanningSettings.DEFAULT);
  }
}

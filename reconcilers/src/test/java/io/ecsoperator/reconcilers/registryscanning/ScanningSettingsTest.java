package io.ecsoperator.reconcilers.registryscanning;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfigurationSpec;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.registry.RegistryFixtures;
import io.ecsoperator.testsupport.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanning diff against real GetRegistryScanningConfiguration answers. */
class ScanningSettingsTest {

  private static final String ENHANCED =
      """
      scanType: ENHANCED
      rules:
        - scanFrequency: CONTINUOUS_SCAN
          repositoryFilters: [{filter: payments}, {filter: prod-*, filterType: WILDCARD}]
        - scanFrequency: SCAN_ON_PUSH
          repositoryFilters: [{filter: "*"}]
      """;

  @Test
  void enhancedRulesInAnotherOrderAreInSync() {
    assertThat(diff(ENHANCED, "get-registry-scanning-configuration-enhanced.json")).isEmpty();
  }

  @Test
  void theDefaultIsBasicWithoutRulesAndAnEmptySpecDeclaresIt() {
    ScanningSettings fresh = settings("get-registry-scanning-configuration-default.json");

    assertThat(fresh.isDefault()).isTrue();
    assertThat(diff("{}", "get-registry-scanning-configuration-default.json")).isEmpty();
    assertThat(diff("scanType: BASIC", "get-registry-scanning-configuration-default.json"))
        .isEmpty();
  }

  @Test
  void aBasicRuleOfManualFrequencyIsTheDefaultNotDrift() {
    ScanningSettings manual = settings("get-registry-scanning-configuration-basic-manual.json");

    assertThat(manual.isDefault()).isTrue();
    assertThat(diff("scanType: BASIC", "get-registry-scanning-configuration-basic-manual.json"))
        .isEmpty();
  }

  @Test
  void basicScanningOverEnhancedChangesTheTypeAndTheRules() {
    List<FieldChange> changes = diff("{}", "get-registry-scanning-configuration-enhanced.json");

    assertThat(changes).extracting(FieldChange::path).containsExactly("scanType", "rules");
    assertThat(changes.get(0).desired()).isEqualTo("BASIC");
    assertThat(changes.get(0).actual()).isEqualTo("ENHANCED");
  }

  @Test
  void aChangedFrequencyIsAChangeOfTheRules() {
    List<FieldChange> changes =
        diff(
            ENHANCED.replace("CONTINUOUS_SCAN", "SCAN_ON_PUSH"),
            "get-registry-scanning-configuration-enhanced.json");

    assertThat(changes).extracting(FieldChange::path).containsExactly("rules");
  }

  @Test
  void importedSettingsDeclareWhatAwsHas() {
    ScanningSettings enhanced = settings("get-registry-scanning-configuration-enhanced.json");

    EcrRegistryScanningConfigurationSpec spec = enhanced.toSpec();

    assertThat(EcrRegistryScanningConfigurationAdapter.diffSettings(spec, enhanced).isEmpty())
        .isTrue();
    assertThat(ScanningSettings.DEFAULT.toSpec().rules).isNull();
  }

  private static ScanningSettings settings(String fixture) {
    return ScanningSettings.described(
        RegistryFixtures.scanningConfiguration(fixture).scanningConfiguration());
  }

  private static List<FieldChange> diff(String specYaml, String fixture) {
    EcrRegistryScanningConfigurationSpec spec =
        Specs.parse(specYaml, EcrRegistryScanningConfigurationSpec.class);
    return EcrRegistryScanningConfigurationAdapter.diffSettings(spec, settings(fixture)).changes();
  }
}

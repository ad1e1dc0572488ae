package io.ecsoperator.operator.registry;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Admission of EcrRegistryScanningConfiguration manifests by the real API server with the chart's
 * CRDs: the limits of API_RegistryScanningConfiguration, API_RegistryScanningRule and
 * API_ScanningRepositoryFilter, and the frequencies each scan type supports.
 */
class EcrRegistryScanningConfigurationValidationIT extends ManifestValidation {

  private static final String EVERY_REPOSITORY = "repositoryFilters: [{filter: \"*\"}]";

  EcrRegistryScanningConfigurationValidationIT() {
    super(
        "EcrRegistryScanningConfiguration",
        "ecrregistryscanningconfigurations",
        "scanning-validation",
        "scanning");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid(
            "continuous scanning with BASIC",
            "rules: [{scanFrequency: CONTINUOUS_SCAN, " + EVERY_REPOSITORY + "}]",
            "spec.rules",
            "BASIC scanning supports the SCAN_ON_PUSH and MANUAL frequencies"),
        invalid(
            "manual scanning with ENHANCED",
            "scanType: ENHANCED\nrules: [{scanFrequency: MANUAL, " + EVERY_REPOSITORY + "}]",
            "spec.rules",
            "ENHANCED the SCAN_ON_PUSH and CONTINUOUS_SCAN ones"),
        invalid(
            "3 rules",
            "rules:\n"
                + ("  - {scanFrequency: SCAN_ON_PUSH, " + EVERY_REPOSITORY + "}\n").repeat(3),
            "spec.rules",
            "must have at most 2 items"),
        invalid(
            "a rule without filters",
            "rules: [{scanFrequency: SCAN_ON_PUSH}]",
            "spec.rules[0].repositoryFilters",
            "Required value"),
        invalid(
            "a filter with upper case letters",
            "rules: [{scanFrequency: SCAN_ON_PUSH, repositoryFilters: [{filter: Prod}]}]",
            "spec.rules[0].repositoryFilters[0].filter",
            "should match"),
        invalid(
            "an unknown scan type",
            "scanType: DEEP",
            "spec.scanType",
            "Unsupported value: \"DEEP\""),
        invalid("tags", "tags: {team: web}", "spec.tags", "registry settings have no tags"));
  }

  static Stream<Arguments> validManifests() {
    return Stream.of(
        Arguments.of("AWS's default", "{}"),
        Arguments.of(
            "two enhanced rules",
            """
            scanType: ENHANCED
            rules:
              - scanFrequency: CONTINUOUS_SCAN
                repositoryFilters: [{filter: "prod-*"}, {filter: team/web, filterType: WILDCARD}]
              - scanFrequency: SCAN_ON_PUSH
                repositoryFilters: [{filter: "*"}]
            """),
        Arguments.of(
            "basic manual scanning", "rules: [{scanFrequency: MANUAL, " + EVERY_REPOSITORY + "}]"));
  }

  @Test
  void theRegionCannotChange() {
    assertChangeRefused("region: eu-west-1", "region: eu-central-1", "region is immutable");
  }
}

package io.ecsoperator.reconcilers.registryscanning;

import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfigurationSpec;
import io.ecsoperator.crds.registryscanning.RegistryScanningRule;
import io.ecsoperator.crds.registryscanning.ScanningRepositoryFilter;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.RegistryScanningConfiguration;

/**
 * The registry's scanning configuration in one normalized form for the spec and for
 * GetRegistryScanningConfiguration. API_PutRegistryScanningConfiguration: "When a registry scanning
 * configuration is not defined, by default the BASIC scan type is used", so no scan type is BASIC;
 * API_RegistryScanningRule: "If scan on push is not specified, then the MANUAL scan frequency is
 * set by default", so a BASIC rule of MANUAL frequency does what no rule does and is left out.
 * Filters and rules are sorted (WILDCARD is the only filter type, so a filter is its pattern).
 *
 * @param scanType BASIC or ENHANCED
 * @param rules the rules that change something, sorted
 */
public record ScanningSettings(String scanType, List<Rule> rules) {

  /**
   * One rule.
   *
   * @param scanFrequency SCAN_ON_PUSH, CONTINUOUS_SCAN or MANUAL
   * @param filters wildcard filters, sorted
   */
  public record Rule(String scanFrequency, List<String> filters) {}

  private static final String BASIC = "BASIC";
  private static final String MANUAL = "MANUAL";

  /** AWS's default: BASIC scanning, no rules. */
  public static final ScanningSettings DEFAULT = new ScanningSettings(BASIC, List.of());

  public ScanningSettings {
    scanType = scanType == null ? BASIC : scanType;
    boolean basic = scanType.equals(BASIC);
    rules =
        rules.stream()
            .filter(r -> !(basic && r.scanFrequency().equals(MANUAL)))
            .map(
                r -> new Rule(r.scanFrequency(), r.filters().stream().sorted().distinct().toList()))
            .sorted(Comparator.comparing(Rule::toString))
            .toList();
  }

  /** What the spec declares. */
  public static ScanningSettings declared(EcrRegistryScanningConfigurationSpec spec) {
    return new ScanningSettings(
        spec.scanType == null ? null : spec.scanType.name(),
        spec.rules == null
            ? List.of()
            : spec.rules.stream()
                .map(
                    r ->
                        new Rule(
                            r.scanFrequency.name(),
                            r.repositoryFilters.stream().map(f -> f.filter).toList()))
                .toList());
  }

  /** What a GetRegistryScanningConfiguration answer holds. */
  public static ScanningSettings described(RegistryScanningConfiguration configuration) {
    if (configuration == null) {
      return DEFAULT;
    }
    return new ScanningSettings(
        configuration.scanTypeAsString(),
        configuration.rules().stream()
            .map(
                r ->
                    new Rule(
                        r.scanFrequencyAsString(),
                        r.repositoryFilters().stream().map(f -> f.filter()).toList()))
            .toList());
  }

  public boolean isDefault() {
    return equals(DEFAULT);
  }

  /** The spec that declares this setting (for import). */
  public EcrRegistryScanningConfigurationSpec toSpec() {
    EcrRegistryScanningConfigurationSpec spec = new EcrRegistryScanningConfigurationSpec();
    spec.scanType = EcrRegistryScanningConfigurationSpec.ScanType.valueOf(scanType);
    if (!rules.isEmpty()) {
      spec.rules = rules.stream().map(ScanningSettings::specRule).toList();
    }
    return spec;
  }

  private static RegistryScanningRule specRule(Rule rule) {
    RegistryScanningRule declared = new RegistryScanningRule();
    declared.scanFrequency = RegistryScanningRule.ScanFrequency.valueOf(rule.scanFrequency());
    declared.repositoryFilters =
        rule.filters().stream()
            .map(
                f -> {
                  ScanningRepositoryFilter filter = new ScanningRepositoryFilter();
                  filter.filter = f;
                  return filter;
                })
            .toList();
    return declared;
  }
}

package io.ecsoperator.crds.registryscanning;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.RegistryWide;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Desired image scanning of the registry; field names follow ECR's
 * PutRegistryScanningConfiguration.
 */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value = "!has(self.tags)",
    message = "registry settings have no tags",
    fieldPath = ".tags")
@ValidationRule(
    value =
        "!has(self.rules) || self.rules.all(r, self.scanType == 'ENHANCED' ? r.scanFrequency !="
            + " 'MANUAL' : r.scanFrequency != 'CONTINUOUS_SCAN')",
    message =
        "BASIC scanning supports the SCAN_ON_PUSH and MANUAL frequencies, ENHANCED the"
            + " SCAN_ON_PUSH and CONTINUOUS_SCAN ones",
    fieldPath = ".rules")
public class EcrRegistryScanningConfigurationSpec extends ManagedSpec implements RegistryWide {

  /** ECR's scan types. */
  public enum ScanType {
    BASIC,
    ENHANCED
  }

  @JsonPropertyDescription(
      "BASIC (AWS's default) or ENHANCED (Amazon Inspector; the operator's role then needs the"
          + " Inspector permissions of the chart README).")
  @Default("BASIC")
  public ScanType scanType;

  @JsonPropertyDescription(
      "Scanning rules, at most 2 (API_RegistryScanningConfiguration). Repositories no rule"
          + " matches are scanned manually (BASIC) or not at all (ENHANCED). When omitted or"
          + " empty: no rules, AWS's default.")
  @Size(max = 2)
  public List<RegistryScanningRule> rules;

  @Override
  public String settingRegion() {
    return region;
  }
}

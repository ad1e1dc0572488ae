package io.ecsoperator.crds.registryscanning;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** How often the repositories a filter matches are scanned. */
public class RegistryScanningRule {

  /** ECR's scan frequencies. */
  public enum ScanFrequency {
    SCAN_ON_PUSH,
    CONTINUOUS_SCAN,
    MANUAL
  }

  @JsonPropertyDescription(
      "SCAN_ON_PUSH or MANUAL with BASIC scanning; SCAN_ON_PUSH or CONTINUOUS_SCAN with"
          + " ENHANCED.")
  @Required
  public ScanFrequency scanFrequency;

  @JsonPropertyDescription("Repositories the rule applies to (1 to 100 filters).")
  @Required
  @Size(min = 1, max = 100)
  public List<ScanningRepositoryFilter> repositoryFilters;
}

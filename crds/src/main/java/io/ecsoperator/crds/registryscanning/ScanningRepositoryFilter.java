package io.ecsoperator.crds.registryscanning;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Repositories a scanning rule applies to. */
public class ScanningRepositoryFilter {

  /** ECR supports only wildcard filters for scanning. */
  public enum FilterType {
    WILDCARD
  }

  @JsonPropertyDescription("Repository name with '*' as wildcard, e.g. '*' or 'prod-*'.")
  @Required
  @Size(min = 1, max = 255)
  @Pattern("^[a-z0-9*](?:[._\\-/a-z0-9*]?[a-z0-9*]+)*$")
  public String filter;

  @JsonPropertyDescription("Kind of filter; only WILDCARD.")
  @Default("WILDCARD")
  public FilterType filterType;
}

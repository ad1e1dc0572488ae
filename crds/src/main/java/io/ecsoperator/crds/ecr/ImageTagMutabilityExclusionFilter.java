package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Tags exempt from the repository's tag mutability mode. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageTagMutabilityExclusionFilter {

  /** ECR supports only wildcard filters. */
  public enum FilterType {
    WILDCARD
  }

  @JsonPropertyDescription("Kind of filter; only WILDCARD.")
  @Default("WILDCARD")
  public FilterType filterType;

  @JsonPropertyDescription("Tag filter, with '*' as wildcard, e.g. 'latest' or 'dev-*'.")
  @Required
  @Size(min = 1, max = 128)
  @Pattern("^[0-9a-zA-Z._*-]+$")
  public String filter;
}

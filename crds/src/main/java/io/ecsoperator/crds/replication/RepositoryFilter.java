package io.ecsoperator.crds.replication;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Repositories a replication rule applies to. */
public class RepositoryFilter {

  /** ECR supports only prefix filters for replication. */
  public enum FilterType {
    PREFIX_MATCH
  }

  @JsonPropertyDescription("Repository name prefix, e.g. 'prod' or 'team/web'.")
  @Required
  @Size(min = 2, max = 256)
  @Pattern("^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*/)*[a-z0-9]*(?:[._-][a-z0-9]*)*$")
  public String filter;

  @JsonPropertyDescription("Kind of filter; only PREFIX_MATCH.")
  @Default("PREFIX_MATCH")
  public FilterType filterType;
}

package io.ecsoperator.crds.replication;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Where the images of some repositories are copied. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplicationRule {

  @JsonPropertyDescription(
      "Registries (region and account) the images are copied to; at most 100, each once.")
  @Required
  @Size(min = 1, max = 100)
  @ValidationRule(
      value =
          "self.all(d, self.exists_one(e, e.region == d.region && e.registryId == d.registryId))",
      message = "each destination may appear once in a rule")
  public List<ReplicationDestination> destinations;

  @JsonPropertyDescription(
      "Repositories whose images are replicated, by name prefix (1 to 100 filters). When"
          + " omitted, every repository is replicated.")
  @Size(min = 1, max = 100)
  public List<RepositoryFilter> repositoryFilters;
}

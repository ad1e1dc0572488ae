package io.ecsoperator.crds.replication;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.RegistryWide;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Desired replication of the registry; field names follow ECR's PutReplicationConfiguration. */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value = "!has(self.tags)",
    message = "registry settings have no tags",
    fieldPath = ".tags")
public class EcrReplicationConfigurationSpec extends ManagedSpec implements RegistryWide {

  @JsonPropertyDescription(
      "Replication rules (at most 10, API_ReplicationConfiguration). An empty list means no"
          + " replication, AWS's default.")
  @Required
  @Size(max = 10)
  public List<ReplicationRule> rules;

  @Override
  public String settingRegion() {
    return region;
  }
}

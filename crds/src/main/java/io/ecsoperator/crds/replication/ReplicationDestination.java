package io.ecsoperator.crds.replication;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A registry that receives replicated images. */
public class ReplicationDestination {

  @JsonPropertyDescription("Region of the destination registry, e.g. eu-west-1.")
  @Required
  @Size(min = 2, max = 25)
  @Pattern("^[0-9a-z-]+$")
  public String region;

  @JsonPropertyDescription(
      "AWS account ID of the destination registry: this account for cross-region replication,"
          + " another one for cross-account (its registry policy must allow it).")
  @Required
  @Size(min = 12, max = 12)
  @Pattern("^[0-9]+$")
  public String registryId;
}

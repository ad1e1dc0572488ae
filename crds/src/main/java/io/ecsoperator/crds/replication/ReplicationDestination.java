package io.ecsoperator.crds.replication;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A registry that receives replicated images. */
public class ReplicationDestination {

  @JsonPropertyDescription("Region of the destination registry, e.g. eu-west-1.")
  @Required
  @Pattern("^[0-9a-z-]{2,25}$")
  public String region;

  @JsonPropertyDescription(
      "AWS account ID of the destination registry: this account for cross-region replication,"
          + " another one for cross-account (its registry policy must allow it).")
  @Required
  @Pattern("^[0-9]{12}$")
  public String registryId;
}

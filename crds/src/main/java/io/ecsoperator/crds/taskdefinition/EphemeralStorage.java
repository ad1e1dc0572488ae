package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Ephemeral storage of a Fargate task beyond the default 20 GiB. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EphemeralStorage {

  @JsonPropertyDescription("Total ephemeral storage in GiB, 21-200.")
  @Required
  @Min(21)
  @Max(200)
  public Integer sizeInGiB;
}

package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** Mounts all volumes of another container of the same task. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumeFrom {

  @JsonPropertyDescription("Name of the container whose volumes are mounted.")
  @Size(min = 1, max = 255)
  public String sourceContainer;

  @JsonPropertyDescription("Mount them read-only (default false).")
  public Boolean readOnly;
}

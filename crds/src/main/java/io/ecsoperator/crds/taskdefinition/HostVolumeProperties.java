package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** A bind mount volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HostVolumeProperties {

  @JsonPropertyDescription(
      "Path on the host (not on Fargate). When omitted, Docker picks a path that lives as long"
          + " as the task.")
  @Size(min = 1, max = 4096)
  public String sourcePath;
}

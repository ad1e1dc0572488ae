package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** A task volume mounted into a container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MountPoint {

  @JsonPropertyDescription("Name of the volume, as in the task definition's volumes.")
  @Size(min = 1, max = 255)
  public String sourceVolume;

  @JsonPropertyDescription("Path in the container where the volume is mounted.")
  @Size(min = 1, max = 4096)
  public String containerPath;

  @JsonPropertyDescription("Mount it read-only (default false).")
  public Boolean readOnly;
}

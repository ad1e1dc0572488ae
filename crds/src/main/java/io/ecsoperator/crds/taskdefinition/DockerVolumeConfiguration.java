package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** A Docker volume (EC2 and external instances only). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DockerVolumeConfiguration {

  /** Lifetime of a Docker volume. */
  public enum Scope {
    @JsonProperty("task")
    TASK,
    @JsonProperty("shared")
    SHARED
  }

  @JsonPropertyDescription(
      "task (default): created and removed with the task; shared: outlives the task.")
  public Scope scope;

  @JsonPropertyDescription("Create the volume when it does not exist (shared scope only).")
  public Boolean autoprovision;

  @JsonPropertyDescription("Volume driver, e.g. local or rexray/ebs.")
  @Size(min = 1, max = 255)
  public String driver;

  @JsonPropertyDescription("Driver-specific options.")
  @Size(max = 64)
  public Map<String, String> driverOpts;

  @JsonPropertyDescription("Docker labels of the volume.")
  @Size(max = 64)
  public Map<String, String> labels;
}

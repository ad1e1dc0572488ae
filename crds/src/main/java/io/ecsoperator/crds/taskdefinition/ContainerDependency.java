package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A container that must reach a condition before this one starts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContainerDependency {

  /** The state the dependency must reach. */
  public enum Condition {
    START,
    COMPLETE,
    SUCCESS,
    HEALTHY
  }

  @JsonPropertyDescription("Name of the container this one depends on.")
  @Required
  @Size(min = 1, max = 255)
  public String containerName;

  @JsonPropertyDescription(
      "START (started), COMPLETE (exited), SUCCESS (exited with 0) or HEALTHY (passes its health"
          + " check).")
  @Required
  public Condition condition;
}

package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Docker networking mode of a task's containers. */
public enum NetworkMode {
  @JsonProperty("bridge")
  BRIDGE,
  @JsonProperty("host")
  HOST,
  @JsonProperty("awsvpc")
  AWSVPC,
  @JsonProperty("none")
  NONE
}

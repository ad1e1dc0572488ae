package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** Makes this container the FireLens log router of the task. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FirelensConfiguration {

  /** The log routers FireLens supports. */
  public enum Type {
    @JsonProperty("fluentd")
    FLUENTD,
    @JsonProperty("fluentbit")
    FLUENTBIT
  }

  @JsonPropertyDescription("fluentd or fluentbit.")
  @Required
  public Type type;

  @JsonPropertyDescription(
      "Router options, e.g. enable-ecs-log-metadata, config-file-type, config-file-value.")
  @Size(max = 64)
  public Map<String, String> options;
}

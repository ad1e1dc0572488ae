package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** GPUs or an inference accelerator reserved for the container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceRequirement {

  /** Kinds of resources a container can reserve. */
  public enum Type {
    GPU,
    InferenceAccelerator
  }

  @JsonPropertyDescription(
      "Number of GPUs for GPU, or the deviceName of an inferenceAccelerators entry.")
  @Required
  @Size(min = 1, max = 255)
  public String value;

  @JsonPropertyDescription("GPU or InferenceAccelerator.")
  @Required
  public Type type;
}

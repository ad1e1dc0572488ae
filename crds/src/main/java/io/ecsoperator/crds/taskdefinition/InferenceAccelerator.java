package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An Elastic Inference accelerator of the task (a retired AWS feature, kept for parity). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InferenceAccelerator {

  @JsonPropertyDescription(
      "Name of the accelerator, referenced by a container's resourceRequirements.")
  @Required
  @Size(min = 1, max = 255)
  public String deviceName;

  @JsonPropertyDescription("Accelerator type, e.g. eia2.medium.")
  @Required
  @Size(min = 1, max = 255)
  public String deviceType;
}

package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** What a lifecycle rule does with the images it selects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(self.type == 'transition') == has(self.targetStorageClass)",
    message = "targetStorageClass is required with type transition and forbidden with expire",
    fieldPath = ".targetStorageClass")
public class LifecycleRuleAction {

  /** Delete the images, or move them to another storage class. */
  public enum Type {
    @JsonProperty("expire")
    EXPIRE,
    @JsonProperty("transition")
    TRANSITION
  }

  @JsonPropertyDescription("expire or transition.")
  @Required
  public Type type;

  @JsonPropertyDescription("archive; only with type transition.")
  public StorageClass targetStorageClass;
}

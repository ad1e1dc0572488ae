package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** One step of how tasks are spread over container instances (not on Fargate). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type != 'random' || !has(self.field)",
    message = "random takes no field",
    fieldPath = ".field")
public class PlacementStrategy {

  /** Placement strategy types. */
  public enum Type {
    @JsonProperty("random")
    RANDOM,
    @JsonProperty("spread")
    SPREAD,
    @JsonProperty("binpack")
    BINPACK
  }

  @JsonPropertyDescription(
      "random, spread (evenly over the values of field) or binpack (fewest instances, by the"
          + " resource in field).")
  @Required
  public Type type;

  @JsonPropertyDescription(
      "For spread: instanceId, host or attribute:<name> (e.g. attribute:ecs.availability-zone);"
          + " for binpack: cpu or memory.")
  @Size(min = 1, max = 255)
  public String field;
}

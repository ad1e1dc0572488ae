package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A rule on which container instances the service's tasks may run (not on Fargate). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type != 'memberOf' || has(self.expression)",
    message = "memberOf needs an expression",
    fieldPath = ".expression")
@ValidationRule(
    value = "self.type != 'distinctInstance' || !has(self.expression)",
    message = "distinctInstance takes no expression",
    fieldPath = ".expression")
public class PlacementConstraint {

  /** Constraint types of services. */
  public enum Type {
    @JsonProperty("distinctInstance")
    DISTINCT_INSTANCE,
    @JsonProperty("memberOf")
    MEMBER_OF
  }

  @JsonPropertyDescription(
      "distinctInstance (each task on another instance) or memberOf (instances matching the"
          + " expression).")
  @Required
  public Type type;

  @JsonPropertyDescription(
      "Cluster query language expression of memberOf, e.g. attribute:ecs.instance-type =~ t3.*")
  @Size(min = 1, max = 2000)
  public String expression;
}

package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A rule on which container instances the task may run (not on Fargate). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlacementConstraint {

  /** Task definitions only take memberOf constraints. */
  public enum Type {
    @JsonProperty("memberOf")
    MEMBER_OF
  }

  @JsonPropertyDescription("memberOf, the only type a task definition accepts.")
  @Required
  public Type type;

  @JsonPropertyDescription(
      "Cluster query language expression, e.g. attribute:ecs.instance-type =~ t3.*")
  @Size(min = 1, max = 2000)
  public String expression;
}

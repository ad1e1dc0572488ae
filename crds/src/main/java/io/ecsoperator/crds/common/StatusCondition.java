package io.ecsoperator.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A status condition in the shape kstatus, Argo CD and {@code kubectl wait} read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusCondition {

  @JsonPropertyDescription("Ready, Reconciling or Stalled.")
  @Required
  public String type;

  @JsonPropertyDescription("True or False.")
  @Required
  public String status;

  @JsonPropertyDescription("Why, as one CamelCase word (e.g. InSync, Throttled, AlreadyExists).")
  public String reason;

  @JsonPropertyDescription("Details for people, with AWS's own message for AWS errors.")
  public String message;

  @JsonPropertyDescription("The metadata.generation this condition was computed for.")
  public Long observedGeneration;

  @JsonPropertyDescription("When status last changed between True and False (RFC 3339).")
  public String lastTransitionTime;

  public StatusCondition() {}

  public StatusCondition(
      String type,
      String status,
      String reason,
      String message,
      long observedGeneration,
      String lastTransitionTime) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.observedGeneration = observedGeneration;
    this.lastTransitionTime = lastTransitionTime;
  }
}

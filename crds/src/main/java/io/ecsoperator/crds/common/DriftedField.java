package io.ecsoperator.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One field where AWS differs from the spec, as reported under ObserveOnly. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriftedField {

  @JsonPropertyDescription("Path of the field in the spec, e.g. lifecyclePolicy.rules[0].")
  public String path;

  @JsonPropertyDescription("The value the spec declares.")
  public String desired;

  @JsonPropertyDescription("The value AWS has.")
  public String actual;

  public DriftedField() {}

  public DriftedField(String path, String desired, String actual) {
    this.path = path;
    this.desired = desired;
    this.actual = actual;
  }
}

package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A name and a value: an environment variable or a proxy property. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KeyValuePair {

  @JsonPropertyDescription("Name of the variable or property.")
  @Required
  @Size(min = 1, max = 1024)
  public String name;

  @JsonPropertyDescription(
      "Its value. An entry without a value (or with an empty one) sets nothing: AWS drops it.")
  @Size(max = 32768)
  public String value;

  public KeyValuePair() {}

  public KeyValuePair(String name, String value) {
    this.name = name;
    this.value = value;
  }
}

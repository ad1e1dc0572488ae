package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A file of environment variables in Amazon S3. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvironmentFile {

  /** Where environment files come from. */
  public enum Type {
    @JsonProperty("s3")
    S3
  }

  @JsonPropertyDescription("ARN of the S3 object holding the .env file.")
  @Required
  @Size(min = 1, max = 2048)
  public String value;

  @JsonPropertyDescription("s3, the only file type.")
  @Required
  public Type type;
}

package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An environment variable or log option read from Secrets Manager or SSM Parameter Store. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Secret {

  @JsonPropertyDescription("Name of the environment variable or log option.")
  @Required
  @Size(min = 1, max = 1024)
  public String name;

  @JsonPropertyDescription(
      "ARN of the Secrets Manager secret (optionally with a JSON key and version), or ARN or"
          + " name of the SSM parameter.")
  @Required
  @Size(min = 1, max = 2048)
  public String valueFrom;
}

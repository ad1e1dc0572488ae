package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Credentials for pulling the image from a private registry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RepositoryCredentials {

  @JsonPropertyDescription(
      "ARN or name of the Secrets Manager secret that holds the registry credentials.")
  @Required
  @Size(min = 1, max = 2048)
  public String credentialsParameter;
}

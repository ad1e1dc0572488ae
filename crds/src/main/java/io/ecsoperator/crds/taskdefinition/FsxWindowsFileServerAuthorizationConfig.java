package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Active Directory credentials for an FSx for Windows File Server volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FsxWindowsFileServerAuthorizationConfig {

  @JsonPropertyDescription(
      "ARN of the Secrets Manager secret or SSM parameter holding the domain credentials.")
  @Required
  @Size(min = 1, max = 2048)
  public String credentialsParameter;

  @JsonPropertyDescription("Fully qualified domain name of the Active Directory.")
  @Required
  @Size(min = 1, max = 255)
  public String domain;
}

package io.ecsoperator.crds.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The Service Connect namespace new services of the cluster join by default. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceConnectDefaults {

  @JsonPropertyDescription(
      "Name or ARN of the Cloud Map namespace. ECS creates an HTTP namespace for a name that does"
          + " not exist. An empty string removes the default namespace from the cluster (the"
          + " namespace stays in Cloud Map).")
  @Required
  @Size(max = 1024)
  @Pattern("^(arn:[^\"<>]+|[^/\"<>]*)$")
  public String namespace;
}

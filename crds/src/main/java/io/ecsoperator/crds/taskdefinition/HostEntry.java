package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A line added to the container's /etc/hosts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HostEntry {

  @JsonPropertyDescription("Host name.")
  @Required
  @Size(min = 1, max = 255)
  public String hostname;

  @JsonPropertyDescription("IP address it resolves to.")
  @Required
  @Size(min = 1, max = 64)
  public String ipAddress;
}

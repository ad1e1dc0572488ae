package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** A namespaced kernel parameter (sysctl) set in the container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SystemControl {

  @JsonPropertyDescription("Kernel parameter, e.g. net.ipv4.tcp_keepalive_time.")
  @Size(min = 1, max = 255)
  public String namespace;

  @JsonPropertyDescription("Its value.")
  @Size(max = 1024)
  public String value;
}

package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** App Mesh proxy of the task. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProxyConfiguration {

  /** The proxies ECS supports. */
  public enum Type {
    APPMESH
  }

  @JsonPropertyDescription("APPMESH (default and only value).")
  public Type type;

  @JsonPropertyDescription("Name of the container that is the App Mesh proxy.")
  @Required
  @Size(min = 1, max = 255)
  public String containerName;

  @JsonPropertyDescription(
      "Proxy settings, e.g. IgnoredUID, AppPorts, ProxyIngressPort, ProxyEgressPort,"
          + " EgressIgnoredIPs.")
  @Size(max = 32)
  public List<KeyValuePair> properties;
}

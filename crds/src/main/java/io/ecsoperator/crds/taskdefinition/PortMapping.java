package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** A container port published on the host or the task's network interface. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PortMapping {

  /** Transport protocol of a port mapping. */
  public enum TransportProtocol {
    @JsonProperty("tcp")
    TCP,
    @JsonProperty("udp")
    UDP
  }

  /** Application protocol of a port mapping, for Service Connect. */
  public enum ApplicationProtocol {
    @JsonProperty("http")
    HTTP,
    @JsonProperty("http2")
    HTTP2,
    @JsonProperty("grpc")
    GRPC
  }

  @JsonPropertyDescription("Port the container listens on.")
  @Min(0)
  @Max(65535)
  public Integer containerPort;

  @JsonPropertyDescription(
      "Port on the host. With awsvpc or host networking it must equal containerPort or be"
          + " omitted (AWS then sets it to containerPort); with bridge, omitted or 0 means a"
          + " dynamic port.")
  @Min(0)
  @Max(65535)
  public Integer hostPort;

  @JsonPropertyDescription("tcp (default) or udp.")
  public TransportProtocol protocol;

  @JsonPropertyDescription(
      "Name of the port mapping, used by Service Connect; lowercase letters, digits and '-'.")
  @Size(min = 1, max = 64)
  @Pattern("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")
  public String name;

  @JsonPropertyDescription("Application protocol for Service Connect: http, http2 or grpc.")
  public ApplicationProtocol appProtocol;

  @JsonPropertyDescription(
      "A range of container ports bound to dynamically mapped host ports, e.g. '8000-8099'.")
  @Size(max = 11)
  @Pattern("^[0-9]{1,5}-[0-9]{1,5}$")
  public String containerPortRange;
}

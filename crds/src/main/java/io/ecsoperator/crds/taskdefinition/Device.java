package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A host device exposed to the container (not on Fargate). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Device {

  /** Cgroup permissions on a device. */
  public enum Permission {
    @JsonProperty("read")
    READ,
    @JsonProperty("write")
    WRITE,
    @JsonProperty("mknod")
    MKNOD
  }

  @JsonPropertyDescription("Path of the device on the host.")
  @Required
  @Size(min = 1, max = 4096)
  public String hostPath;

  @JsonPropertyDescription("Path of the device in the container; hostPath when omitted.")
  @Size(min = 1, max = 4096)
  public String containerPath;

  @JsonPropertyDescription("read, write and/or mknod; all three when omitted.")
  @Size(max = 3)
  public List<Permission> permissions;
}

package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Linux-specific settings of a container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LinuxParameters {

  @JsonPropertyDescription("Linux capabilities to add or drop.")
  public KernelCapabilities capabilities;

  @JsonPropertyDescription("Host devices exposed to the container (not on Fargate).")
  @Size(max = 100)
  public List<Device> devices;

  @JsonPropertyDescription("Run an init process (PID 1) that forwards signals and reaps zombies.")
  public Boolean initProcessEnabled;

  @JsonPropertyDescription("Size of /dev/shm in MiB (not on Fargate).")
  @Min(0)
  public Integer sharedMemorySize;

  @JsonPropertyDescription("tmpfs mounts (not on Fargate).")
  @Size(max = 100)
  public List<Tmpfs> tmpfs;

  @JsonPropertyDescription(
      "Swap in MiB the container may use; 0 disables swap (not on Fargate). Needs swappiness.")
  @Min(0)
  public Integer maxSwap;

  @JsonPropertyDescription("How readily pages are swapped, 0-100 (not on Fargate).")
  @Min(0)
  @Max(100)
  public Integer swappiness;
}

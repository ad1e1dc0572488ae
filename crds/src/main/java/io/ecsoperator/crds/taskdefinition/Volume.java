package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A volume of the task, which containers mount through mountPoints. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Volume {

  @JsonPropertyDescription(
      "Name, referenced by mountPoints[].sourceVolume: letters, digits, '-' and '_', up to 255.")
  @Required
  @Size(min = 1, max = 255)
  @Pattern("^[a-zA-Z0-9_-]{1,255}$")
  public String name;

  @JsonPropertyDescription("A bind mount; with no other configuration, a task-scoped bind mount.")
  public HostVolumeProperties host;

  @JsonPropertyDescription(
      "The volume is configured when a service or task is launched (e.g. an EBS volume), not"
          + " here.")
  public Boolean configuredAtLaunch;

  @JsonPropertyDescription("A Docker volume (EC2 and external instances).")
  public DockerVolumeConfiguration dockerVolumeConfiguration;

  @JsonPropertyDescription("An Amazon EFS file system.")
  public EfsVolumeConfiguration efsVolumeConfiguration;

  @JsonPropertyDescription("An Amazon FSx for Windows File Server file system.")
  public FsxWindowsFileServerVolumeConfiguration fsxWindowsFileServerVolumeConfiguration;
}

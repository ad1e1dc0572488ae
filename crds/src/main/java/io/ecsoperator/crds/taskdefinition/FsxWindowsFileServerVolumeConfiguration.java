package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An Amazon FSx for Windows File Server file system mounted as a volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FsxWindowsFileServerVolumeConfiguration {

  @JsonPropertyDescription("ID of the FSx file system.")
  @Required
  @Size(min = 1, max = 255)
  public String fileSystemId;

  @JsonPropertyDescription("Directory of the file system mounted as the root.")
  @Required
  @Size(min = 1, max = 4096)
  public String rootDirectory;

  @JsonPropertyDescription("Domain credentials used to mount it.")
  @Required
  public FsxWindowsFileServerAuthorizationConfig authorizationConfig;
}

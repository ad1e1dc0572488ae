package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Operating system and CPU architecture the task needs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuntimePlatform {

  /** CPU architectures of ECS tasks. */
  public enum CpuArchitecture {
    X86_64,
    ARM64
  }

  /** Operating systems of ECS tasks. */
  public enum OperatingSystemFamily {
    LINUX,
    WINDOWS_SERVER_2016_FULL,
    WINDOWS_SERVER_2019_FULL,
    WINDOWS_SERVER_2019_CORE,
    WINDOWS_SERVER_2004_CORE,
    WINDOWS_SERVER_20H2_CORE,
    WINDOWS_SERVER_2022_FULL,
    WINDOWS_SERVER_2022_CORE,
    WINDOWS_SERVER_2025_FULL,
    WINDOWS_SERVER_2025_CORE
  }

  @JsonPropertyDescription("X86_64 (default) or ARM64.")
  public CpuArchitecture cpuArchitecture;

  @JsonPropertyDescription("LINUX (default) or a WINDOWS_SERVER_* family.")
  public OperatingSystemFamily operatingSystemFamily;
}

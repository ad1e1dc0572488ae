package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/** One container of the task, with the fields and JSON names of ECS's ContainerDefinition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContainerDefinition {

  /** Whether ECS resolves the image tag to a digest when a task starts. */
  public enum VersionConsistency {
    @JsonProperty("enabled")
    ENABLED,
    @JsonProperty("disabled")
    DISABLED
  }

  @JsonPropertyDescription(
      "Name of the container, unique in the task: letters, digits, '-' and '_', up to 255.")
  @Required
  @Pattern("^[a-zA-Z0-9_-]{1,255}$")
  @Size(min = 1, max = 255)
  public String name;

  @JsonPropertyDescription(
      "Image, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4 or nginx@sha256:...")
  @Required
  @Size(min = 1, max = 1024)
  public String image;

  @JsonPropertyDescription("Credentials for a private registry outside ECR.")
  public RepositoryCredentials repositoryCredentials;

  @JsonPropertyDescription(
      "CPU units reserved for the container (1024 = 1 vCPU); 0 is the default.")
  @Min(0)
  public Integer cpu;

  @JsonPropertyDescription("Hard memory limit in MiB; the container is killed above it.")
  @Min(6)
  public Integer memory;

  @JsonPropertyDescription("Soft memory limit (reservation) in MiB.")
  @Min(6)
  public Integer memoryReservation;

  @JsonPropertyDescription(
      "Other containers to link to, as name or name:alias (bridge network mode only).")
  @Size(max = 100)
  public List<String> links;

  @JsonPropertyDescription("Ports the container publishes.")
  @Size(max = 100)
  public List<PortMapping> portMappings;

  @JsonPropertyDescription(
      "Whether the task stops when this container stops (default true; one container must be"
          + " essential).")
  public Boolean essential;

  @JsonPropertyDescription("Restart the container in place when it exits.")
  public RestartPolicy restartPolicy;

  @JsonPropertyDescription("Entry point, overriding the image's ENTRYPOINT.")
  @Size(max = 256)
  public List<String> entryPoint;

  @JsonPropertyDescription("Command, overriding the image's CMD.")
  @Size(max = 256)
  public List<String> command;

  @JsonPropertyDescription("Environment variables. Order does not matter.")
  @Size(max = 1000)
  public List<KeyValuePair> environment;

  @JsonPropertyDescription(
      "Files of environment variables in S3 (at most 10), read in order; environment wins.")
  @Size(max = 10)
  public List<EnvironmentFile> environmentFiles;

  @JsonPropertyDescription("Task volumes mounted into the container.")
  @Size(max = 100)
  public List<MountPoint> mountPoints;

  @JsonPropertyDescription("Containers of the task whose volumes are mounted.")
  @Size(max = 10)
  public List<VolumeFrom> volumesFrom;

  @JsonPropertyDescription("Linux-specific settings: capabilities, devices, init process, ...")
  public LinuxParameters linuxParameters;

  @JsonPropertyDescription(
      "Environment variables read from Secrets Manager or SSM Parameter Store. Order does not"
          + " matter.")
  @Size(max = 1000)
  public List<Secret> secrets;

  @JsonPropertyDescription("Containers that must reach a condition before this one starts.")
  @Size(max = 10)
  public List<ContainerDependency> dependsOn;

  @JsonPropertyDescription("Seconds to wait for dependencies before giving up on this container.")
  @Min(0)
  public Integer startTimeout;

  @JsonPropertyDescription(
      "Seconds between SIGTERM and SIGKILL when the container is stopped (max 120 on Fargate).")
  @Min(0)
  public Integer stopTimeout;

  @JsonPropertyDescription(
      "enabled (default) pins the image tag to its digest when tasks start; disabled does not.")
  public VersionConsistency versionConsistency;

  @JsonPropertyDescription("Host name of the container (not with awsvpc networking).")
  @Size(max = 255)
  public String hostname;

  @JsonPropertyDescription("User (and group) to run as: user, user:group, uid, uid:gid, ...")
  @Size(max = 255)
  public String user;

  @JsonPropertyDescription("Working directory of the command.")
  @Size(max = 4096)
  public String workingDirectory;

  @JsonPropertyDescription("Turn networking off for the container (not on Fargate).")
  public Boolean disableNetworking;

  @JsonPropertyDescription("Run privileged, with root on the host (not on Fargate).")
  public Boolean privileged;

  @JsonPropertyDescription("Mount the root filesystem read-only.")
  public Boolean readonlyRootFilesystem;

  @JsonPropertyDescription("DNS servers of the container (not with awsvpc networking).")
  @Size(max = 32)
  public List<String> dnsServers;

  @JsonPropertyDescription("DNS search domains of the container (not with awsvpc networking).")
  @Size(max = 32)
  public List<String> dnsSearchDomains;

  @JsonPropertyDescription("Lines added to /etc/hosts (not with awsvpc networking).")
  @Size(max = 100)
  public List<HostEntry> extraHosts;

  @JsonPropertyDescription(
      "Docker security options, e.g. no-new-privileges or label:... (not on Fargate).")
  @Size(max = 32)
  public List<String> dockerSecurityOptions;

  @JsonPropertyDescription("Keep stdin open (docker run -i).")
  public Boolean interactive;

  @JsonPropertyDescription("Allocate a TTY (docker run -t).")
  public Boolean pseudoTerminal;

  @JsonPropertyDescription("Docker labels of the container. Keys are kept exactly as written.")
  @Size(max = 256)
  public Map<String, String> dockerLabels;

  @JsonPropertyDescription("Resource limits (ulimits), one per name.")
  @Size(max = 15)
  public List<Ulimit> ulimits;

  @JsonPropertyDescription("Log driver and its options.")
  public LogConfiguration logConfiguration;

  @JsonPropertyDescription("Health check of the container.")
  public HealthCheck healthCheck;

  @JsonPropertyDescription("Namespaced kernel parameters (sysctls).")
  @Size(max = 32)
  public List<SystemControl> systemControls;

  @JsonPropertyDescription("GPUs or an inference accelerator reserved for the container.")
  @Size(max = 10)
  public List<ResourceRequirement> resourceRequirements;

  @JsonPropertyDescription("Makes this container the task's FireLens log router.")
  public FirelensConfiguration firelensConfiguration;

  @JsonPropertyDescription(
      "ARNs of credential specs in SSM or S3 for Active Directory (gMSA) authentication.")
  @Size(max = 10)
  public List<String> credentialSpecs;
}

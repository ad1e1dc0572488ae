package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Desired state of an ECS task definition family: every RegisterTaskDefinition field, with AWS's
 * JSON names, so the {@code taskDefinition} of {@code aws ecs describe-task-definition} can be
 * pasted here once its read-only fields (taskDefinitionArn, revision, status, compatibilities,
 * requiresAttributes, registeredAt, registeredBy, deregisteredAt) are removed: the API server
 * rejects fields it does not know.
 *
 * <p>The Fargate cpu/memory check reads cpu as CPU units ("1024") or vCPUs ("1 vCPU", "0.25 vcpu")
 * and memory as MiB ("2048") or GB ("2 GB", "2GB"), like AWS does.
 */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value =
        "has(self.family) == has(oldSelf.family) && (!has(self.family) || self.family =="
            + " oldSelf.family)",
    message = "family is immutable")
@ValidationRule(
    value = EcsTaskDefinitionSpec.FARGATE_CPU_MEMORY_RULE,
    message =
        "with FARGATE, cpu and memory are required and must be a Fargate combination: cpu 256"
            + " with memory 512, 1024 or 2048; 512 with 1024-4096; 1024 with 2048-8192; 2048"
            + " with 4096-16384; 4096 with 8192-30720 (in steps of 1024); 8192 with"
            + " 16384-61440 (steps of 4096); 16384 with 32768-122880 (steps of 8192)",
    fieldPath = ".cpu")
@ValidationRule(
    value =
        "!has(self.requiresCompatibilities) || !('FARGATE' in self.requiresCompatibilities) ||"
            + " (has(self.networkMode) && self.networkMode == 'awsvpc')",
    message = "FARGATE needs networkMode awsvpc",
    fieldPath = ".networkMode")
@ValidationRule(
    value =
        "!has(self.networkMode) || !(self.networkMode in ['awsvpc', 'host']) ||"
            + " self.containerDefinitions.all(c, !has(c.portMappings) || c.portMappings.all(p,"
            + " !has(p.hostPort) || !has(p.containerPort) || p.hostPort == p.containerPort))",
    message =
        "with networkMode awsvpc or host, a portMapping's hostPort must equal its"
            + " containerPort or be omitted",
    fieldPath = ".containerDefinitions")
@ValidationRule(
    value =
        "!has(self.containerDefinitions) || self.containerDefinitions.exists(c,"
            + " !has(c.essential) || c.essential)",
    message = "at least one container must be essential (essential is true when omitted)",
    fieldPath = ".containerDefinitions")
@ValidationRule(
    value =
        "!has(self.tags) || size(self.tags) <= " + EcsTaskDefinitionSpec.MAX_TASK_DEFINITION_TAGS,
    message =
        "a task definition takes at most 47 tags: AWS allows 50 per revision and the operator"
            + " adds its owner, uid and spec-hash tags",
    fieldPath = ".tags")
public class EcsTaskDefinitionSpec extends ManagedSpec {

  /** AWS's 50 tags per revision, less the operator's owner, uid and spec-hash tags. */
  public static final int MAX_TASK_DEFINITION_TAGS = 47;

  /** CPU units or vCPUs, as AWS accepts them. */
  public static final String CPU_PATTERN = "^([0-9]+|[0-9]+([.][0-9]+)? ?[vV][cC][pP][uU])$";

  /** MiB or GB, as AWS accepts them. */
  public static final String MEMORY_PATTERN = "^([0-9]+|[0-9]+([.][0-9]+)? ?[gG][bB])$";

  private static final String CPU_UNITS =
      "(self.cpu.matches('^[0-9]+$') ? int(self.cpu) :"
          + " int(double(self.cpu.lowerAscii().replace('vcpu', '').replace(' ', '')) * 1024.0))";

  private static final String MEMORY_MIB =
      "(self.memory.matches('^[0-9]+$') ? int(self.memory) :"
          + " int(double(self.memory.lowerAscii().replace('gb', '').replace(' ', '')) *"
          + " 1024.0))";

  /**
   * Fargate's cpu/memory table. The one-element lists bind the converted values to names (cu, mi)
   * so each conversion is written once. Values that miss the patterns pass here: the pattern check
   * reports them, and the conversion would only add a type error.
   */
  static final String FARGATE_CPU_MEMORY_RULE =
      "!has(self.requiresCompatibilities) || !('FARGATE' in self.requiresCompatibilities) ||"
          + " (has(self.cpu) && has(self.memory) && (!self.cpu.matches('"
          + CPU_PATTERN
          + "') || !self.memory.matches('"
          + MEMORY_PATTERN
          + "') || ["
          + CPU_UNITS
          + "].all(cu, ["
          + MEMORY_MIB
          + "].all(mi,"
          + " (cu == 256 && (mi == 512 || mi == 1024 || mi == 2048))"
          + " || (cu == 512 && mi >= 1024 && mi <= 4096 && mi % 1024 == 0)"
          + " || (cu == 1024 && mi >= 2048 && mi <= 8192 && mi % 1024 == 0)"
          + " || (cu == 2048 && mi >= 4096 && mi <= 16384 && mi % 1024 == 0)"
          + " || (cu == 4096 && mi >= 8192 && mi <= 30720 && mi % 1024 == 0)"
          + " || (cu == 8192 && mi >= 16384 && mi <= 61440 && mi % 4096 == 0)"
          + " || (cu == 16384 && mi >= 32768 && mi <= 122880 && mi % 8192 == 0)))))";

  /** PID namespace modes. */
  public enum PidMode {
    @JsonProperty("host")
    HOST,
    @JsonProperty("task")
    TASK
  }

  /** IPC namespace modes. */
  public enum IpcMode {
    @JsonProperty("host")
    HOST,
    @JsonProperty("task")
    TASK,
    @JsonProperty("none")
    NONE
  }

  @JsonPropertyDescription(
      "Task definition family: letters, digits, '-' and '_', up to 255. Defaults to"
          + " metadata.name. Immutable.")
  @Size(min = 1, max = 255)
  @Pattern("^[a-zA-Z0-9_-]{1,255}$")
  public String family;

  @JsonPropertyDescription("IAM role the task's containers assume to call AWS.")
  @Size(min = 1, max = 2048)
  public String taskRoleArn;

  @JsonPropertyDescription(
      "IAM role ECS uses to pull images, read secrets and write logs for the task.")
  @Size(min = 1, max = 2048)
  public String executionRoleArn;

  @JsonPropertyDescription(
      "bridge (AWS default on Linux EC2), host, awsvpc (required on Fargate) or none.")
  public NetworkMode networkMode;

  @JsonPropertyDescription(
      "The containers of the task: 1 to 10, with unique names. Order does not matter.")
  @Required
  @Size(min = 1, max = 10)
  @ValidationRule(
      value = "self.all(c, self.exists_one(o, o.name == c.name))",
      message = "container names must be unique")
  public List<ContainerDefinition> containerDefinitions;

  @JsonPropertyDescription("Volumes the containers can mount. Order does not matter.")
  @Size(max = 100)
  @ValidationRule(
      value = "self.all(v, self.exists_one(o, o.name == v.name))",
      message = "volume names must be unique")
  public List<Volume> volumes;

  @JsonPropertyDescription("Placement constraints (at most 10; not on Fargate).")
  @Size(max = 10)
  public List<PlacementConstraint> placementConstraints;

  @JsonPropertyDescription(
      "Launch types to validate the task definition against: EC2, FARGATE, EXTERNAL,"
          + " MANAGED_INSTANCES.")
  @Size(max = 4)
  @ValidationRule(
      value = "self.all(c, self.exists_one(o, o == c))",
      message = "requiresCompatibilities must not repeat a value")
  public List<Compatibility> requiresCompatibilities;

  @JsonPropertyDescription(
      "Task CPU as CPU units ('1024') or vCPUs ('1 vCPU'). Required on Fargate, where only"
          + " 256, 512, 1024, 2048, 4096, 8192 and 16384 are valid.")
  @Size(min = 1, max = 16)
  @Pattern(CPU_PATTERN)
  public String cpu;

  @JsonPropertyDescription(
      "Task memory as MiB ('2048') or GB ('2 GB'). Required on Fargate, in a combination"
          + " valid for cpu.")
  @Size(min = 1, max = 16)
  @Pattern(MEMORY_PATTERN)
  public String memory;

  @JsonPropertyDescription("PID namespace: host or task (each container its own when omitted).")
  public PidMode pidMode;

  @JsonPropertyDescription(
      "IPC namespace: host, task or none (each container its own when omitted; not on Fargate).")
  public IpcMode ipcMode;

  @JsonPropertyDescription("App Mesh proxy configuration.")
  public ProxyConfiguration proxyConfiguration;

  @JsonPropertyDescription("Elastic Inference accelerators (a retired AWS feature).")
  @Size(max = 10)
  public List<InferenceAccelerator> inferenceAccelerators;

  @JsonPropertyDescription("Ephemeral storage of Fargate tasks beyond the default 20 GiB.")
  public EphemeralStorage ephemeralStorage;

  @JsonPropertyDescription("Operating system and CPU architecture (LINUX and X86_64 when omitted).")
  public RuntimePlatform runtimePlatform;

  @JsonPropertyDescription("Allow fault injection requests from the task's containers.")
  public Boolean enableFaultInjection;

  @JsonPropertyDescription(
      "How many revisions registered by this object to keep ACTIVE besides the current one;"
          + " older ones are deregistered. Revisions it did not register are never touched.")
  @Default("10")
  @Min(0)
  public Integer revisionHistoryLimit;
}

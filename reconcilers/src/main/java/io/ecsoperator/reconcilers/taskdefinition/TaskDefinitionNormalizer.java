package io.ecsoperator.reconcilers.taskdefinition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Turns a spec and an AWS task definition into one canonical form, in RegisterTaskDefinition input
 * shape, so that two definitions that mean the same are equal (DESIGN §7):
 *
 * <ul>
 *   <li>Read-only fields (ARN, revision, status, compatibilities, requiresAttributes, registered*,
 *       deregisteredAt) are dropped, and so are family (the identity, not the content) and tags
 *       (compared on their own: a tag change never needs a revision).
 *   <li>Containers, environment, secrets and the other name-keyed lists are sorted by name; port
 *       mappings, mount points, volumesFrom, volumes, placement constraints,
 *       requiresCompatibilities and the other set-like lists are put in one canonical order. Lists
 *       whose order means something (command, entryPoint, environmentFiles, DNS servers, ...) keep
 *       it.
 *   <li>An empty list, an empty object, an empty string, {@code false} and a missing field are the
 *       same at every depth (except {@code essential: false}, which is not the default); list
 *       elements that end up empty are dropped.
 *   <li>Documented defaults equal absent: container cpu 0, essential true, port protocol tcp,
 *       hostPort 0, hostPort == containerPort with awsvpc and host networking, healthCheck interval
 *       30 / timeout 5 / retries 3 / startPeriod 0, environment entries without a value,
 *       versionConsistency enabled, networkMode bridge, runtimePlatform LINUX / X86_64, proxy type
 *       APPMESH, Docker volume scope task, EFS root directory "/", transit encryption and IAM
 *       DISABLED.
 *   <li>Task cpu and memory in units: "1 vCPU" == "1024", "2 GB" == "2048".
 *   <li>Map keys (dockerLabels, log options, driver options) keep their case, and map values are
 *       compared as they are.
 * </ul>
 *
 * <p>Both sides go through the spec class, so the canonical form only ever holds fields the spec
 * can declare: fields AWS adds in the future are not drift.
 */
public final class TaskDefinitionNormalizer {

  /** Fields of DescribeTaskDefinition output that RegisterTaskDefinition does not take. */
  public static final Set<String> READ_ONLY_FIELDS =
      Set.of(
          "taskDefinitionArn",
          "revision",
          "status",
          "compatibilities",
          "requiresAttributes",
          "registeredAt",
          "registeredBy",
          "deregisteredAt");

  /** Top-level fields of the canonical form, in RegisterTaskDefinition order. */
  public static final List<String> FIELDS =
      List.of(
          "taskRoleArn",
          "executionRoleArn",
          "networkMode",
          "containerDefinitions",
          "volumes",
          "placementConstraints",
          "requiresCompatibilities",
          "cpu",
          "memory",
          "pidMode",
          "ipcMode",
          "proxyConfiguration",
          "inferenceAccelerators",
          "ephemeralStorage",
          "runtimePlatform",
          "enableFaultInjection");

  /** Fields whose value is a free-form map: their keys and values are kept as they are. */
  private static final Set<String> MAP_FIELDS =
      Set.of("dockerLabels", "options", "driverOpts", "labels");

  /** The one boolean whose default is true: false is meaningful and kept. */
  private static final String ESSENTIAL = "essential";

  private static final Pattern CPU = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(vcpu)?\\s*$");
  private static final Pattern MEMORY =
      Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(gb)?\\s*$");
  private static final BigDecimal KI = BigDecimal.valueOf(1024);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Reads AWS output into the spec class: AWS's read-only and future fields are ignored, and an
   * enum value the spec does not know reads as absent (the spec could not have declared it).
   */
  private static final ObjectMapper AWS_READER =
      Json.MAPPER
          .copy()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

  private TaskDefinitionNormalizer() {}

  /** The canonical form of a spec. */
  public static ObjectNode normalize(EcsTaskDefinitionSpec spec) {
    ObjectNode tree = Json.MAPPER.valueToTree(spec);
    return canonical(tree);
  }

  /** The canonical form of a task definition as the AWS SDK returns it. */
  public static ObjectNode normalize(TaskDefinition actual) {
    return normalize(SdkJson.toJson(actual));
  }

  /**
   * The canonical form of AWS JSON: the output of {@code aws ecs describe-task-definition}, or its
   * {@code taskDefinition} object.
   */
  public static ObjectNode normalize(JsonNode awsJson) {
    JsonNode taskDefinition =
        awsJson.has("taskDefinition") ? awsJson.get("taskDefinition") : awsJson;
    ObjectNode registerShape = stripReadOnly(taskDefinition);
    registerShape.remove("tags");
    try {
      return normalize(AWS_READER.treeToValue(registerShape, EcsTaskDefinitionSpec.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not an ECS task definition: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A copy of a described task definition without the fields RegisterTaskDefinition does not take:
   * what is left can be pasted into a spec (the API server rejects unknown fields).
   */
  public static ObjectNode stripReadOnly(JsonNode taskDefinition) {
    if (taskDefinition == null || !taskDefinition.isObject()) {
      throw new IllegalArgumentException("expected a task definition object");
    }
    ObjectNode copy = taskDefinition.deepCopy();
    copy.remove(READ_ONLY_FIELDS);
    return copy;
  }

  /** Task cpu as CPU units: "1 vCPU" and "1024" are both "1024". */
  public static String cpuUnits(String cpu) {
    return scaled(cpu, CPU);
  }

  /** Task memory in MiB: "2 GB", "2GB" and "2048" are all "2048". */
  public static String memoryMib(String memory) {
    return scaled(memory, MEMORY);
  }

  private static String scaled(String value, Pattern pattern) {
    if (value == null) {
      return null;
    }
    Matcher m = pattern.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return value.trim();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      number = number.multiply(KI);
    }
    BigDecimal whole = number.stripTrailingZeros();
    return whole.scale() <= 0 ? whole.toPlainString() : value.trim();
  }

  private static ObjectNode canonical(ObjectNode tree) {
    ObjectNode form = NODES.objectNode();
    for (String field : FIELDS) {
      JsonNode value = tree.get(field);
      if (value != null && !value.isNull()) {
        form.set(field, value.deepCopy());
      }
    }
    dropDefaults(form);
    JsonNode pruned = prune(form, null);
    ObjectNode result = pruned == null ? NODES.objectNode() : (ObjectNode) sortKeys(pruned);
    order(result);
    return result;
  }

  // ---- defaults ------------------------------------------------------------------------------

  private static void dropDefaults(ObjectNode form) {
    if (form.has("cpu")) {
      form.put("cpu", cpuUnits(form.get("cpu").asText()));
    }
    if (form.has("memory")) {
      form.put("memory", memoryMib(form.get("memory").asText()));
    }
    String networkMode = text(form, "networkMode");
    removeIf(form, "networkMode", "bridge");
    boolean hostPortIsContainerPort = "awsvpc".equals(networkMode) || "host".equals(networkMode);
    for (ObjectNode container : objects(form.get("containerDefinitions"))) {
      dropContainerDefaults(container, hostPortIsContainerPort);
    }
    for (ObjectNode volume : objects(form.get("volumes"))) {
      removeIf(object(volume, "dockerVolumeConfiguration"), "scope", "task");
      ObjectNode efs = object(volume, "efsVolumeConfiguration");
      removeIf(efs, "rootDirectory", "/");
      removeIf(efs, "transitEncryption", "DISABLED");
      removeIf(object(efs, "authorizationConfig"), "iam", "DISABLED");
    }
    ObjectNode platform = object(form, "runtimePlatform");
    removeIf(platform, "cpuArchitecture", "X86_64");
    removeIf(platform, "operatingSystemFamily", "LINUX");
    removeIf(object(form, "proxyConfiguration"), "type", "APPMESH");
  }

  private static void dropContainerDefaults(ObjectNode container, boolean hostPortIsContainerPort) {
    removeIf(container, "cpu", 0);
    if (container.path(ESSENTIAL).isBoolean() && container.get(ESSENTIAL).asBoolean()) {
      container.remove(ESSENTIAL);
    }
    removeIf(container, "versionConsistency", "enabled");
    for (ObjectNode port : objects(container.get("portMappings"))) {
      removeIf(port, "protocol", "tcp");
      removeIf(port, "hostPort", 0);
      if (hostPortIsContainerPort
          && port.has("hostPort")
          && port.get("hostPort").equals(port.get("containerPort"))) {
        port.remove("hostPort");
      }
    }
    JsonNode environment = container.get("environment");
    if (environment != null && environment.isArray()) {
      Iterator<JsonNode> entries = environment.elements();
      while (entries.hasNext()) {
        JsonNode entry = entries.next();
        if (entry.path("value").asText("").isEmpty()) {
          entries.remove();
        }
      }
    }
    ObjectNode healthCheck = object(container, "healthCheck");
    removeIf(healthCheck, "interval", 30);
    removeIf(healthCheck, "timeout", 5);
    removeIf(healthCheck, "retries", 3);
    removeIf(healthCheck, "startPeriod", 0);
  }

  // ---- empty == absent -----------------------------------------------------------------------

  /**
   * The node without empty values at any depth, or null when nothing is left. In free-form maps,
   * only nulls go: an empty value there is a value.
   */
  private static JsonNode prune(JsonNode node, String key) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText().isEmpty() ? null : node;
    }
    if (node.isBoolean()) {
      return node.asBoolean() || ESSENTIAL.equals(key) ? node : null;
    }
    if (node.isArray()) {
      ArrayNode items = NODES.arrayNode();
      node.forEach(
          item -> {
            JsonNode kept = prune(item, null);
            if (kept != null) {
              items.add(kept);
            }
          });
      return items.isEmpty() ? null : items;
    }
    if (node.isObject()) {
      boolean map = key != null && MAP_FIELDS.contains(key);
      ObjectNode fields = NODES.objectNode();
      node.fields()
          .forEachRemaining(
              e -> {
                JsonNode kept =
                    map
                        ? (e.getValue().isNull() ? null : e.getValue())
                        : prune(e.getValue(), e.getKey());
                if (kept != null) {
                  fields.set(e.getKey(), kept);
                }
              });
      return fields.isEmpty() ? null : fields;
    }
    return node;
  }

  /** Object keys in sorted order at every depth; map keys keep their case. */
  private static JsonNode sortKeys(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      ObjectNode sorted = NODES.objectNode();
      names.forEach(name -> sorted.set(name, sortKeys(node.get(name))));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode items = NODES.arrayNode();
      node.forEach(item -> items.add(sortKeys(item)));
      return items;
    }
    return node;
  }

  // ---- canonical order -----------------------------------------------------------------------

  private static void order(ObjectNode form) {
    sortBy(form, "containerDefinitions", "name");
    for (ObjectNode container : objects(form.get("containerDefinitions"))) {
      sortBy(container, "environment", "name");
      sortBy(container, "secrets", "name");
      sortBy(container, "ulimits", "name");
      sortBy(container, "systemControls", "namespace");
      sortBy(container, "resourceRequirements", "type");
      sortBy(container, "dependsOn", "containerName");
      sortBy(container, "extraHosts", "hostname");
      sortCanonically(container, "portMappings");
      sortCanonically(container, "mountPoints");
      sortCanonically(container, "volumesFrom");
      sortCanonically(container, "links");
      sortBy(object(container, "logConfiguration"), "secretOptions", "name");
      sortCanonically(object(container, "restartPolicy"), "ignoredExitCodes");
      ObjectNode linux = object(container, "linuxParameters");
      ObjectNode capabilities = object(linux, "capabilities");
      sortCanonically(capabilities, "add");
      sortCanonically(capabilities, "drop");
      sortBy(linux, "devices", "hostPath");
      for (ObjectNode device : objects(linux == null ? null : linux.get("devices"))) {
        sortCanonically(device, "permissions");
      }
      sortBy(linux, "tmpfs", "containerPath");
    }
    sortBy(form, "volumes", "name");
    sortCanonically(form, "placementConstraints");
    sortCanonically(form, "requiresCompatibilities");
    sortBy(form, "inferenceAccelerators", "deviceName");
    sortBy(object(form, "proxyConfiguration"), "properties", "name");
  }

  /** Sorts a list of objects by one key, ties (and duplicates) by their canonical JSON. */
  private static void sortBy(ObjectNode parent, String field, String key) {
    sort(parent, field, Comparator.comparing((JsonNode n) -> n.path(key).asText()));
  }

  /** Sorts a set-like list by the canonical JSON of its elements, dropping duplicates. */
  private static void sortCanonically(ObjectNode parent, String field) {
    sort(parent, field, (a, b) -> 0);
    JsonNode list = parent == null ? null : parent.get(field);
    if (list != null && list.isArray()) {
      ArrayNode distinct = NODES.arrayNode();
      list.forEach(
          item -> {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(item)) {
              distinct.add(item);
            }
          });
      parent.set(field, distinct);
    }
  }

  private static void sort(ObjectNode parent, String field, Comparator<JsonNode> primary) {
    JsonNode list = parent == null ? null : parent.get(field);
    if (list == null || !list.isArray()) {
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    list.forEach(items::add);
    items.sort(primary.thenComparing(canonicalText()));
    parent.set(field, NODES.arrayNode().addAll(items));
  }

  private static Comparator<JsonNode> canonicalText() {
    return Comparator.comparing((Function<JsonNode, String>) JsonNode::toString);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static List<ObjectNode> objects(JsonNode list) {
    List<ObjectNode> result = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(
          item -> {
            if (item.isObject()) {
              result.add((ObjectNode) item);
            }
          });
    }
    return result;
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    if (parent == null) {
      return null;
    }
    JsonNode value = parent.get(field);
    return value != null && value.isObject() ? (ObjectNode) value : null;
  }

  private static String text(ObjectNode parent, String field) {
    JsonNode value = parent.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static void removeIf(ObjectNode parent, String field, String defaultValue) {
    if (parent != null
        && parent.path(field).isTextual()
        && parent.get(field).asText().equals(defaultValue)) {
      parent.remove(field);
    }
  }

  private static void removeIf(ObjectNode parent, String field, int defaultValue) {
    if (parent != null
        && parent.path(field).isIntegralNumber()
        && parent.get(field).asLong() == defaultValue) {
      parent.remove(field);
    }
  }
}

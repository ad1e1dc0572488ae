package io.ecsoperator.reconcilers.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * A service spec and a described service in one JSON form, CreateService's input shape, and the
 * canonical values the diff compares (DESIGN §7):
 *
 * <ul>
 *   <li>An empty list, an empty object, an empty string, {@code false} and a missing field are the
 *       same at every depth.
 *   <li>Documented defaults equal absent: REPLICA 200/100 and DAEMON 100/0 percentages, the ROLLING
 *       strategy, deploymentController ECS, platformVersion LATEST, assignPublicIp DISABLED,
 *       propagateTags NONE, schedulingStrategy REPLICA, no health check grace period, capacity
 *       provider weight and base 0, availabilityZoneRebalancing DISABLED, gp3 volumes; for the
 *       deployment strategies the circuit breaker's resetOnHealthyTask true and BOUNDED_PERCENT 50
 *       threshold, AWS_LAMBDA hooks timing out after 1440 minutes with ROLLBACK, linear steps of
 *       10% every 6 minutes and a 5% canary for 10 minutes.
 *   <li>Subnets, security groups, load balancers, registries, capacity providers, placement
 *       constraints and the other set-like lists are sorted; placementStrategy keeps its order.
 *   <li>Roles and target groups are compared by name, so a name and its ARN are equal; a load
 *       balancer's target group and alternate target group are a pair in either order, as ECS swaps
 *       them at each blue/green, linear or canary deployment.
 * </ul>
 *
 * <p>DescribeServices reports Service Connect, volume and VPC Lattice configurations only on the
 * deployments: the PRIMARY deployment's are the service's.
 */
final class ServiceShape {

  /** Spec fields that CreateService and UpdateService take as they are, in their order. */
  static final List<String> AWS_FIELDS =
      List.of(
          "launchType",
          "schedulingStrategy",
          "role",
          "capacityProviderStrategy",
          "platformVersion",
          "networkConfiguration",
          "loadBalancers",
          "serviceRegistries",
          "deploymentConfiguration",
          "deploymentController",
          "placementConstraints",
          "placementStrategy",
          "healthCheckGracePeriodSeconds",
          "enableExecuteCommand",
          "enableECSManagedTags",
          "propagateTags",
          "availabilityZoneRebalancing",
          "serviceConnectConfiguration",
          "volumeConfigurations",
          "vpcLatticeConfigurations");

  /** Fields DescribeServices reports on the deployments only. */
  private static final List<String> DEPLOYMENT_FIELDS =
      List.of("serviceConnectConfiguration", "volumeConfigurations", "vpcLatticeConfigurations");

  /** Lists whose order means nothing. */
  private static final Set<String> SETS =
      Set.of(
          "capacityProviderStrategy",
          "networkConfiguration.awsvpcConfiguration.subnets",
          "networkConfiguration.awsvpcConfiguration.securityGroups",
          "loadBalancers",
          "serviceRegistries",
          "placementConstraints",
          "deploymentConfiguration.alarms.alarmNames",
          "deploymentConfiguration.lifecycleHooks",
          "deploymentConfiguration.lifecycleHooks[].lifecycleStages",
          "serviceConnectConfiguration.services",
          "serviceConnectConfiguration.services[].clientAliases",
          "serviceConnectConfiguration.logConfiguration.secretOptions",
          "volumeConfigurations",
          "volumeConfigurations[].managedEBSVolume.tagSpecifications",
          "vpcLatticeConfigurations");

  /** Values given by name or ARN, compared by name. */
  private static final Map<String, UnaryOperator<String>> BY_NAME =
      Map.of(
          "role", ServiceShape::lastSegment,
          "loadBalancers[].targetGroupArn", ServiceShape::targetGroupName,
          "loadBalancers[].advancedConfiguration.alternateTargetGroupArn",
              ServiceShape::targetGroupName);

  private static final String CIRCUIT_BREAKER = "deploymentConfiguration.deploymentCircuitBreaker";
  private static final String HOOKS = "deploymentConfiguration.lifecycleHooks[]";

  /**
   * Values AWS fills when they are left out (API reference of ECS: DeploymentCircuitBreaker,
   * ThresholdConfiguration, DeploymentLifecycleHook, DeploymentLifecycleHookTimeoutConfiguration,
   * LinearConfiguration, CanaryConfiguration), so declaring them or not is the same.
   */
  private static final Map<String, JsonNode> DEFAULTS =
      Map.ofEntries(
          Map.entry("schedulingStrategy", TextNode.valueOf("REPLICA")),
          Map.entry("platformVersion", TextNode.valueOf("LATEST")),
          Map.entry("propagateTags", TextNode.valueOf("NONE")),
          Map.entry("availabilityZoneRebalancing", TextNode.valueOf("DISABLED")),
          Map.entry("healthCheckGracePeriodSeconds", IntNode.valueOf(0)),
          Map.entry("capacityProviderStrategy[].weight", IntNode.valueOf(0)),
          Map.entry("capacityProviderStrategy[].base", IntNode.valueOf(0)),
          Map.entry(
              "networkConfiguration.awsvpcConfiguration.assignPublicIp",
              TextNode.valueOf("DISABLED")),
          Map.entry("deploymentConfiguration.strategy", TextNode.valueOf("ROLLING")),
          Map.entry(CIRCUIT_BREAKER + ".resetOnHealthyTask", BooleanNode.TRUE),
          Map.entry(
              CIRCUIT_BREAKER + ".thresholdConfiguration.type",
              TextNode.valueOf("BOUNDED_PERCENT")),
          Map.entry(CIRCUIT_BREAKER + ".thresholdConfiguration.value", IntNode.valueOf(50)),
          Map.entry(HOOKS + ".targetType", TextNode.valueOf("AWS_LAMBDA")),
          Map.entry(HOOKS + ".timeoutConfiguration.timeoutInMinutes", IntNode.valueOf(1440)),
          Map.entry(HOOKS + ".timeoutConfiguration.action", TextNode.valueOf("ROLLBACK")),
          Map.entry(
              "deploymentConfiguration.linearConfiguration.stepPercent", DoubleNode.valueOf(10.0)),
          Map.entry(
              "deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes",
              IntNode.valueOf(6)),
          Map.entry(
              "deploymentConfiguration.canaryConfiguration.canaryPercent", DoubleNode.valueOf(5.0)),
          Map.entry(
              "deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes",
              IntNode.valueOf(10)),
          Map.entry("deploymentController.type", TextNode.valueOf("ECS")),
          Map.entry(
              "serviceConnectConfiguration.accessLogConfiguration.includeQueryParameters",
              TextNode.valueOf("DISABLED")),
          Map.entry("volumeConfigurations[].managedEBSVolume.volumeType", TextNode.valueOf("gp3")));

  /** The deployment percentages ECS uses when none are given, by scheduling strategy. */
  private static final Map<String, JsonNode> REPLICA_PERCENTS =
      Map.of(
          "deploymentConfiguration.maximumPercent", IntNode.valueOf(200),
          "deploymentConfiguration.minimumHealthyPercent", IntNode.valueOf(100));

  private static final Map<String, JsonNode> DAEMON_PERCENTS =
      Map.of(
          "deploymentConfiguration.maximumPercent", IntNode.valueOf(100),
          "deploymentConfiguration.minimumHealthyPercent", IntNode.valueOf(0));

  private static final String TAG_SPECIFICATIONS = "tagSpecifications";

  private static final String LOAD_BALANCER = "loadBalancers[]";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ServiceShape() {}

  /**
   * The spec's AWS fields as written (volume tags as maps), in CreateService's names; strategy
   * items that refer to an EcsCapacityProvider object name its provider.
   */
  static ObjectNode desired(EcsServiceSpec spec, ProviderNames providers) {
    ObjectNode all = (ObjectNode) Json.toTree(spec);
    ObjectNode fields = NODES.objectNode();
    AWS_FIELDS.stream().filter(all::has).forEach(f -> fields.set(f, all.get(f)));
    if (spec.capacityProviderStrategy != null) {
      ArrayNode strategy = fields.putArray("capacityProviderStrategy");
      spec.capacityProviderStrategy.forEach(
          item -> {
            ObjectNode named = (ObjectNode) Json.toTree(item);
            named.remove("capacityProviderRef");
            strategy.add(named.put("capacityProvider", providers.of(item)));
          });
    }
    return fields;
  }

  /**
   * The described service's AWS fields, in CreateService's names: the PRIMARY deployment's for the
   * fields AWS reports there, roleArn as role, volume tags as maps.
   */
  static ObjectNode actual(Service service) {
    ObjectNode described = SdkJson.toJson(service);
    if (described.has("roleArn")) {
      described.set("role", described.get("roleArn"));
    }
    service.deployments().stream()
        .filter(d -> EcsServiceState.PRIMARY.equals(d.status()))
        .findFirst()
        .map(SdkJson::toJson)
        .ifPresent(
            primary ->
                DEPLOYMENT_FIELDS.stream()
                    .filter(primary::has)
                    .forEach(f -> described.set(f, primary.get(f))));
    ObjectNode fields = NODES.objectNode();
    AWS_FIELDS.stream().filter(described::has).forEach(f -> fields.set(f, described.get(f)));
    forEachTagSpecification(fields, ServiceShape::tagListToMap);
    return fields;
  }

  /**
   * The value of {@code path} the diff compares: null when it means the same as absent, sets
   * sorted, names for ARNs. Paths name list elements with {@code []}, e.g. {@code
   * loadBalancers[].targetGroupArn}.
   */
  static JsonNode canonical(String path, JsonNode node, boolean daemon) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode result = NODES.objectNode();
      fieldsOf(node)
          .forEach(
              (name, value) -> {
                JsonNode canonical = canonical(path + "." + name, value, daemon);
                if (canonical != null) {
                  result.set(name, canonical);
                }
              });
      if (result.isEmpty()) {
        return null;
      }
      return path.equals(LOAD_BALANCER) ? TargetGroupPair.ordered(result) : result;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(
          item -> {
            JsonNode canonical = canonical(path + "[]", item, daemon);
            if (canonical != null) {
              items.add(canonical);
            }
          });
      if (SETS.contains(path)) {
        items.sort(Comparator.comparing(JsonNode::toString));
      }
      return items.isEmpty() ? null : NODES.arrayNode().addAll(items);
    }
    JsonNode defaultValue = defaultOf(path, daemon);
    if (node.equals(defaultValue)) {
      return null;
    }
    // false is absent, except where AWS's default is true: there false is a real choice.
    boolean falseIsAbsent = !BooleanNode.TRUE.equals(defaultValue);
    if (node.isBoolean() && !node.asBoolean() && falseIsAbsent
        || node.isTextual() && node.asText().isEmpty()) {
      return null;
    }
    UnaryOperator<String> byName = BY_NAME.get(path);
    return byName != null && node.isTextual()
        ? TextNode.valueOf(byName.apply(node.asText()))
        : node;
  }

  /** Calls {@code action} on every volume tag specification of a JSON service. */
  static void forEachTagSpecification(ObjectNode service, Consumer<ObjectNode> action) {
    JsonNode volumes = service.get("volumeConfigurations");
    if (volumes == null) {
      return;
    }
    for (JsonNode volume : volumes) {
      JsonNode specifications = volume.path("managedEBSVolume").path(TAG_SPECIFICATIONS);
      for (JsonNode specification : specifications) {
        if (specification.isObject()) {
          action.accept((ObjectNode) specification);
        }
      }
    }
  }

  /** AWS's [{key, value}] tags of a tag specification as the spec's map. */
  private static void tagListToMap(ObjectNode specification) {
    JsonNode tags = specification.get("tags");
    if (tags != null && tags.isArray()) {
      ObjectNode map = NODES.objectNode();
      tags.forEach(t -> map.put(t.path("key").asText(), t.path("value").asText()));
      specification.set("tags", map);
    }
  }

  /** The spec's map of a tag specification as AWS's [{key, value}] list. */
  static void tagMapToList(ObjectNode specification) {
    JsonNode tags = specification.get("tags");
    if (tags != null && tags.isObject()) {
      ArrayNode list = NODES.arrayNode();
      tags.fields()
          .forEachRemaining(
              e -> list.addObject().put("key", e.getKey()).put("value", e.getValue().asText()));
      specification.set("tags", list);
    }
  }

  private static JsonNode defaultOf(String path, boolean daemon) {
    JsonNode percent = (daemon ? DAEMON_PERCENTS : REPLICA_PERCENTS).get(path);
    return percent != null ? percent : DEFAULTS.get(path);
  }

  private static Map<String, JsonNode> fieldsOf(JsonNode node) {
    Map<String, JsonNode> fields = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      fields.put(entry.getKey(), entry.getValue());
    }
    return fields;
  }

  /** "arn:aws:iam::1:role/path/web" -> "web"; a plain name stays as it is. */
  private static String lastSegment(String nameOrArn) {
    return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
  }

  /** "arn:...:targetgroup/web/0123abcd" -> "web"; a plain name stays as it is. */
  static String targetGroupName(String nameOrArn) {
    int start = nameOrArn.indexOf("targetgroup/");
    if (start < 0) {
      return nameOrArn;
    }
    String rest = nameOrArn.substring(start + "targetgroup/".length());
    int end = rest.indexOf('/');
    return end < 0 ? rest : rest.substring(0, end);
  }
}

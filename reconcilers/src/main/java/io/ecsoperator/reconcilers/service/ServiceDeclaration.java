package io.ecsoperator.reconcilers.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.json.Json;
import java.util.Iterator;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The spec fields that declare what a described service has, for import: every field of {@link
 * ServiceShape#AWS_FIELDS} and the desired count, without what the diff takes as absent (AWS's
 * defaults, empty values, ECS's service-linked role), values otherwise as AWS reports them (ARNs
 * stay ARNs). So {@link EcsServiceDiff} finds no change between them and the service. Pure.
 *
 * <p>Left to the caller: names and references (service name, cluster, task definition), tags and
 * the operator's own fields.
 */
public final class ServiceDeclaration {

  /** AWS's fields the spec does not have, and enum values it does not know, are left out. */
  private static final ObjectMapper LENIENT =
      Json.MAPPER
          .copy()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

  /** The end of the ARN of ECS's service-linked role, which AWS reports as the role. */
  private static final String SERVICE_LINKED_ROLE = "/ecs.amazonaws.com/AWSServiceRoleForECS";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ServiceDeclaration() {}

  public static EcsServiceSpec of(Service service) {
    boolean daemon = "DAEMON".equals(service.schedulingStrategyAsString());
    ObjectNode described = ServiceShape.actual(service);
    ObjectNode declared = NODES.objectNode();
    for (String field : ServiceShape.AWS_FIELDS) {
      JsonNode value = declared(field, described.get(field), daemon);
      if (value != null) {
        declared.set(field, value);
      }
    }
    // AWS reports the launch type a strategy resolved to; the spec takes one or the other.
    if (declared.has("capacityProviderStrategy")) {
      declared.remove("launchType");
    }
    // The role ECS uses when none is given; declaring it would make CreateService refuse it.
    if (declared.path("role").asText().endsWith(SERVICE_LINKED_ROLE)) {
      declared.remove("role");
    }
    EcsServiceSpec spec;
    try {
      spec = LENIENT.treeToValue(declared, EcsServiceSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "service " + service.serviceName() + " does not read as a spec: " + e.getMessage(), e);
    }
    if (!daemon) {
      spec.desiredCount = service.desiredCount();
    }
    return spec;
  }

  /** The value without what the diff takes as absent at any depth; null when nothing is left. */
  private static JsonNode declared(String path, JsonNode node, boolean daemon) {
    if (ServiceShape.canonical(path, node, daemon) == null) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode kept = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = declared(path + "." + field.getKey(), field.getValue(), daemon);
        if (value != null) {
          kept.set(field.getKey(), value);
        }
      }
      return kept;
    }
    if (node.isArray()) {
      ArrayNode kept = NODES.arrayNode();
      node.forEach(
          item -> {
            JsonNode value = declared(path + "[]", item, daemon);
            if (value != null) {
              kept.add(value);
            }
          });
      return kept;
    }
    return node;
  }
}

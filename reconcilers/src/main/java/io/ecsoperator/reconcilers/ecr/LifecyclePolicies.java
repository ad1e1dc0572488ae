package io.ecsoperator.reconcilers.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.ecr.LifecyclePolicy;
import io.ecsoperator.reconcilers.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ECR lifecycle policies as comparable values: rules ordered by rulePriority, tag lists sorted, and
 * AWS's defaults (storageClass standard, empty description) equal to absent.
 */
public final class LifecyclePolicies {

  private LifecyclePolicies() {}

  /** The policy text to send to AWS. */
  public static String text(LifecyclePolicy policy) {
    return Json.write(policy);
  }

  /** Canonical form of the spec's policy, or null when it has no rules (no policy). */
  public static JsonNode canonical(LifecyclePolicy policy) {
    return canonical(Json.toTree(policy));
  }

  /** Canonical form of a policy document as AWS returns it, or null when it has no rules. */
  public static JsonNode canonical(JsonNode policy) {
    if (policy == null || !policy.has("rules") || policy.get("rules").isEmpty()) {
      return null;
    }
    List<JsonNode> rules = new ArrayList<>();
    policy.get("rules").forEach(rule -> rules.add(canonicalRule(rule)));
    rules.sort(Comparator.comparingInt(r -> r.path("rulePriority").asInt()));
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.set("rules", JsonNodeFactory.instance.arrayNode().addAll(rules));
    return result;
  }

  private static JsonNode canonicalRule(JsonNode rule) {
    ObjectNode result = rule.deepCopy();
    if (result.path("description").asText("").isEmpty()) {
      result.remove("description");
    }
    if (result.get("selection") instanceof ObjectNode selection) {
      if ("standard".equals(selection.path("storageClass").asText())) {
        selection.remove("storageClass");
      }
      for (String list : List.of("tagPrefixList", "tagPatternList")) {
        if (selection.get(list) instanceof ArrayNode tags) {
          if (tags.isEmpty()) {
            selection.remove(list);
          } else {
            selection.set(list, sorted(tags));
          }
        }
      }
    }
    return result;
  }

  private static ArrayNode sorted(ArrayNode values) {
    List<String> items = new ArrayList<>();
    values.forEach(v -> items.add(v.asText()));
    items.sort(null);
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    items.forEach(result::add);
    return result;
  }
}

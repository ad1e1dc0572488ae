package io.ecsoperator.reconcilers.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Canonical form of IAM policy documents, so two documents that mean the same compare equal: a lone
 * statement or value equals a one-element list, and lists of actions, resources, principals and
 * statements are unordered.
 */
public final class PolicyDocuments {

  private static final Set<String> LIST_KEYS =
      Set.of("Action", "NotAction", "Resource", "NotResource");

  private PolicyDocuments() {}

  /** The canonical document, or null when it grants nothing (no statements). */
  public static JsonNode canonical(JsonNode policy) {
    if (policy == null || policy.isNull() || !policy.has("Statement")) {
      return null;
    }
    ObjectNode result = policy.deepCopy();
    List<JsonNode> statements = new ArrayList<>();
    for (JsonNode statement : asList(policy.get("Statement"))) {
      statements.add(canonicalStatement(statement));
    }
    if (statements.isEmpty()) {
      return null;
    }
    statements.sort(Comparator.comparing(JsonNode::toString));
    result.set("Statement", JsonNodeFactory.instance.arrayNode().addAll(statements));
    return result;
  }

  private static JsonNode canonicalStatement(JsonNode statement) {
    if (!statement.isObject()) {
      return statement;
    }
    return sortKeys(listsAsSets(statement));
  }

  private static ObjectNode listsAsSets(JsonNode statement) {
    ObjectNode result = statement.deepCopy();
    statement
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (LIST_KEYS.contains(key)) {
                result.set(key, sortedList(statement.get(key)));
              } else if ((key.equals("Principal") || key.equals("NotPrincipal"))
                  && statement.get(key).isObject()) {
                ObjectNode principal = JsonNodeFactory.instance.objectNode();
                statement
                    .get(key)
                    .fields()
                    .forEachRemaining(e -> principal.set(e.getKey(), sortedList(e.getValue())));
                result.set(key, principal);
              }
            });
    return result;
  }

  /** Key order must not decide how statements sort, so keys are ordered at every depth. */
  private static JsonNode sortKeys(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      names.forEach(name -> sorted.set(name, sortKeys(node.get(name))));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> items.add(sortKeys(item)));
      return items;
    }
    return node;
  }

  static ArrayNode sortedList(JsonNode value) {
    List<JsonNode> items = asList(value);
    items.sort(Comparator.comparing(JsonNode::toString));
    return JsonNodeFactory.instance.arrayNode().addAll(items);
  }

  private static List<JsonNode> asList(JsonNode value) {
    List<JsonNode> items = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    return items;
  }
}

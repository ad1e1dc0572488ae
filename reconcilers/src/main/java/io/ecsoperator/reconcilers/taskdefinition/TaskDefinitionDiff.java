package io.ecsoperator.reconcilers.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.tags.UserTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The difference between an EcsTaskDefinition spec and a registered revision. Pure. Revisions are
 * immutable, so any difference in the canonical forms of {@link TaskDefinitionNormalizer} needs a
 * new revision ({@link ChangeStrategy#NEW_REVISION}); tags alone are tagged on the current revision
 * ({@link ChangeStrategy#TAGS_ONLY}), and only when the spec declares tags.
 *
 * <p>Paths name the top-level field ({@code cpu}, {@code volumes}); containers are matched by name
 * and each differing container field is its own change ({@code containerDefinitions[web].image}), a
 * container only on one side is {@code containerDefinitions[web]}. Values are the canonical forms:
 * strings, numbers and booleans as such, objects and lists as JSON.
 */
public final class TaskDefinitionDiff {

  private static final String CONTAINERS = "containerDefinitions";

  private TaskDefinitionDiff() {}

  /** Spec against a revision as the AWS SDK describes it, with that revision's tags. */
  public static ChangeSet diff(
      EcsTaskDefinitionSpec spec, TaskDefinition actual, Map<String, String> actualTags) {
    return diff(spec, TaskDefinitionNormalizer.normalize(actual), actualTags);
  }

  /** Spec against the JSON of {@code aws ecs describe-task-definition} (or its taskDefinition). */
  public static ChangeSet diff(
      EcsTaskDefinitionSpec spec, JsonNode actualJson, Map<String, String> actualTags) {
    return diff(spec, TaskDefinitionNormalizer.normalize(actualJson), actualTags);
  }

  private static ChangeSet diff(
      EcsTaskDefinitionSpec spec, ObjectNode actual, Map<String, String> actualTags) {
    ObjectNode desired = TaskDefinitionNormalizer.normalize(spec);
    ChangeSet.Builder changes = ChangeSet.builder();
    for (String field : TaskDefinitionNormalizer.FIELDS) {
      if (field.equals(CONTAINERS)) {
        diffContainers(desired.get(CONTAINERS), actual.get(CONTAINERS), changes);
      } else {
        changes.compare(
            field,
            value(desired.get(field)),
            value(actual.get(field)),
            ChangeStrategy.NEW_REVISION);
      }
    }
    if (spec.tags != null) {
      changes.compare(
          "tags",
          new TreeMap<>(spec.tags),
          UserTags.of(actualTags == null ? Map.of() : actualTags),
          ChangeStrategy.TAGS_ONLY);
    }
    return changes.build();
  }

  private static void diffContainers(JsonNode desired, JsonNode actual, ChangeSet.Builder changes) {
    Map<String, JsonNode> desiredByName = byName(desired);
    Map<String, JsonNode> actualByName = byName(actual);
    List<String> names = new ArrayList<>(desiredByName.keySet());
    actualByName.keySet().stream().filter(n -> !desiredByName.containsKey(n)).forEach(names::add);
    for (String name : names) {
      String path = CONTAINERS + "[" + name + "]";
      JsonNode want = desiredByName.get(name);
      JsonNode have = actualByName.get(name);
      if (want == null || have == null) {
        changes.compare(path, want, have, ChangeStrategy.NEW_REVISION);
        continue;
      }
      TreeSet<String> fields = new TreeSet<>();
      want.fieldNames().forEachRemaining(fields::add);
      have.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        changes.compare(
            path + "." + field,
            value(want.get(field)),
            value(have.get(field)),
            ChangeStrategy.NEW_REVISION);
      }
    }
  }

  /** Containers by name, in canonical order; a repeated name keeps its first container. */
  private static Map<String, JsonNode> byName(JsonNode containers) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    if (containers != null) {
      containers.forEach(c -> byName.putIfAbsent(c.path("name").asText(), c));
    }
    return byName;
  }

  /** Scalars as Java values, so a change reads "nginx:1.27", not "\"nginx:1.27\"". */
  private static Object value(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToInt() ? (Object) node.asInt() : (Object) node.asLong();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node;
  }
}

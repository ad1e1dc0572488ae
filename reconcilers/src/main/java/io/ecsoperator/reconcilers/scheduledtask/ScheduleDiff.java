package io.ecsoperator.reconcilers.scheduledtask;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.tags.UserTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/**
 * The desired schedule against GetSchedule's answer, as a pure function. UpdateSchedule replaces
 * the whole schedule, so the whole schedule is compared (a dead-letter queue added out of band is
 * drift too), after both sides are brought to one canonical form where AWS's defaults equal absent:
 * state ENABLED, time zone UTC, flexible window OFF, retry policy 185 attempts / 86400 s, one task,
 * no public IP, no action after completion; empty lists and {@code false} flags equal absent;
 * subnets and security groups are sets; the tasks' tags a map; the Input a JSON value.
 */
public final class ScheduleDiff {

  /**
   * The members of a schedule that UpdateSchedule sets, its identity and its Description (the
   * ownership marker, judged apart) aside.
   */
  private static final List<String> COMPARED =
      List.of(
          "ScheduleExpression",
          "ScheduleExpressionTimezone",
          "StartDate",
          "EndDate",
          "State",
          "FlexibleTimeWindow",
          "Target",
          "KmsKeyArn",
          "ActionAfterCompletion");

  /** Scheduler's RetryPolicy defaults: 185 attempts within 86400 seconds (24 hours). */
  public static final int DEFAULT_RETRY_ATTEMPTS = 185;

  public static final int DEFAULT_EVENT_AGE_SECONDS = 86400;

  private static final String TASK_TAGS = "Target.EcsParameters.Tags";

  private static final TypeReference<List<Map<String, String>>> TAGS = new TypeReference<>() {};

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScheduleDiff() {}

  public static ChangeSet diff(UpdateScheduleRequest desired, GetScheduleResponse actual) {
    Map<String, JsonNode> want = leaves(canonical(SdkJson.toJson(desired)));
    Map<String, JsonNode> have = leaves(canonical(SdkJson.toJson(actual)));
    TreeSet<String> paths = new TreeSet<>(want.keySet());
    paths.addAll(have.keySet());
    ChangeSet.Builder changes = ChangeSet.builder();
    for (String path : paths) {
      changes.compare(path, want.get(path), have.get(path), ChangeStrategy.IN_PLACE);
    }
    return changes.build();
  }

  /** The schedule with AWS's defaults filled in and equal values written one way. */
  static ObjectNode canonical(ObjectNode schedule) {
    ObjectNode out = NODES.objectNode();
    COMPARED.forEach(
        member -> {
          if (schedule.hasNonNull(member)) {
            out.set(member, schedule.get(member).deepCopy());
          }
        });
    putDefault(out, "State", "ENABLED");
    putDefault(out, "ScheduleExpressionTimezone", "UTC");
    putDefault(out, "ActionAfterCompletion", "NONE");
    if (!out.has("FlexibleTimeWindow")) {
      out.putObject("FlexibleTimeWindow").put("Mode", "OFF");
    }
    ObjectNode target =
        out.has("Target") ? (ObjectNode) out.get("Target") : out.putObject("Target");
    ObjectNode retry =
        target.has("RetryPolicy")
            ? (ObjectNode) target.get("RetryPolicy")
            : target.putObject("RetryPolicy");
    putDefault(retry, "MaximumEventAgeInSeconds", DEFAULT_EVENT_AGE_SECONDS);
    putDefault(retry, "MaximumRetryAttempts", DEFAULT_RETRY_ATTEMPTS);
    if (target.has("Input")) {
      target.set("Input", inputValue(target.get("Input").asText()));
    }
    if (target.has("EcsParameters")) {
      withoutDefaults((ObjectNode) target.get("EcsParameters"));
    }
    return (ObjectNode) withoutEmpties(out);
  }

  /**
   * A target's EcsParameters (as JSON, changed in place) with AWS's defaults left out or filled in
   * one way: one task, no public IP, zero weights and bases, false flags; the user's tags a map
   * (ownership tags aside); subnets and security groups sorted.
   */
  public static ObjectNode withoutDefaults(ObjectNode ecs) {
    putDefault(ecs, "TaskCount", 1);
    if (ecs.has("Tags")) {
      // The ownership and schedule tags are the adapter's to write (create, adopt), as for kinds
      // with tags of their own: the user's tags are compared.
      Map<String, String> tags =
          UserTags.of(ScheduleTags.of(Json.MAPPER.convertValue(ecs.get("Tags"), TAGS)));
      ecs.set("Tags", Json.toTree(tags));
    }
    JsonNode vpc = ecs.at("/NetworkConfiguration/awsvpcConfiguration");
    if (vpc instanceof ObjectNode awsvpc) {
      sortSet(awsvpc, "Subnets");
      sortSet(awsvpc, "SecurityGroups");
      if ("DISABLED".equals(awsvpc.path("AssignPublicIp").asText())) {
        awsvpc.remove("AssignPublicIp");
      }
    }
    // "omitted weights and bases are 0"
    ecs.path("CapacityProviderStrategy")
        .forEach(
            item -> {
              for (String member : List.of("base", "weight")) {
                if (item.path(member).asInt(-1) == 0) {
                  ((ObjectNode) item).remove(member);
                }
              }
            });
    for (String flag : List.of("EnableECSManagedTags", "EnableExecuteCommand")) {
      if (!ecs.path(flag).asBoolean(false)) {
        ecs.remove(flag);
      }
    }
    return ecs;
  }

  /** Input is text that holds JSON; compared as the JSON value, whatever its spacing and order. */
  private static JsonNode inputValue(String input) {
    try {
      return Json.parse(input);
    } catch (RuntimeException notJson) {
      return NODES.textNode(input);
    }
  }

  private static void sortSet(ObjectNode parent, String member) {
    if (parent.get(member) instanceof ArrayNode values) {
      TreeSet<String> sorted = new TreeSet<>();
      values.forEach(v -> sorted.add(v.asText()));
      ArrayNode out = parent.putArray(member);
      sorted.forEach(out::add);
    }
  }

  private static void putDefault(ObjectNode node, String member, String value) {
    if (!node.hasNonNull(member)) {
      node.put(member, value);
    }
  }

  private static void putDefault(ObjectNode node, String member, int value) {
    if (!node.hasNonNull(member)) {
      node.put(member, value);
    }
  }

  /** Empty objects and lists and nulls removed at every depth: they equal absent. */
  private static JsonNode withoutEmpties(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.fields()
          .forEachRemaining(
              e -> {
                JsonNode value = withoutEmpties(e.getValue());
                if (!value.isNull() && !(value.isContainerNode() && value.isEmpty())) {
                  out.set(e.getKey(), value);
                }
              });
      return out;
    }
    return node;
  }

  /**
   * Leaf values by dotted path; lists are leaves (their order matters, or they were made sets), and
   * so is the Input (one JSON value).
   */
  private static Map<String, JsonNode> leaves(JsonNode node) {
    Map<String, JsonNode> leaves = new TreeMap<>();
    collect("", node, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (path.equals(TASK_TAGS)) {
      leaves.put("tags", node);
    } else if (node.isObject() && !path.equals("Target.Input")) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        collect(path.isEmpty() ? name : path + "." + name, node.get(name), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }
}

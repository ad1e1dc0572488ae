package io.ecsoperator.operator.ship;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The chart's iam-policy.json assembled from the statements each kind declares beside its code, in
 * an {@code iam-policy.json} of its own resource folder (e.g. {@code
 * reconcilers/src/main/resources/io/ecsoperator/reconcilers/cluster/}). Statements of one Sid are
 * one statement: their actions are joined, and everything else must be the same.
 */
final class IamPolicyStatements {

  static final String CHART_POLICY = "charts/ecs-operator/iam-policy.json";

  private static final List<String> MODULES = List.of("crds", "reconcilers", "operator");

  private IamPolicyStatements() {}

  /** The policy as the chart must ship it. */
  static String assemble(Path repo) {
    Map<String, ObjectNode> bySid = new LinkedHashMap<>();
    for (Path declared : declarations(repo)) {
      for (JsonNode statement : read(declared).get("Statement")) {
        String sid = statement.get("Sid").asText();
        ObjectNode merged = bySid.putIfAbsent(sid, (ObjectNode) statement.deepCopy());
        if (merged != null) {
          join(merged, (ObjectNode) statement, repo.relativize(declared));
        }
      }
    }
    ObjectNode policy = Json.MAPPER.createObjectNode();
    policy.put("Version", "2012-10-17");
    policy.putArray("Statement").addAll(bySid.values());
    return pretty(policy);
  }

  /** Every module's {@code iam-policy.json} resources, in path order. */
  static List<Path> declarations(Path repo) {
    List<Path> found = new ArrayList<>();
    for (String module : MODULES) {
      Path resources = repo.resolve(module).resolve("src/main/resources");
      if (Files.isDirectory(resources)) {
        try (Stream<Path> files = Files.walk(resources)) {
          files
              .filter(f -> f.getFileName().toString().equals("iam-policy.json"))
              .forEach(found::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    found.sort(null);
    return found;
  }

  private static void join(ObjectNode merged, ObjectNode statement, Path declaredIn) {
    if (!withoutActions(merged).equals(withoutActions(statement))) {
      throw new IllegalStateException(
          "statement "
              + merged.get("Sid").asText()
              + " of "
              + declaredIn
              + " differs from the one of that Sid declared before in more than its actions");
    }
    Set<String> actions = new LinkedHashSet<>(values(merged.get("Action")));
    actions.addAll(values(statement.get("Action")));
    if (actions.size() == 1) {
      merged.put("Action", actions.iterator().next());
    } else {
      ArrayNode array = merged.putArray("Action");
      actions.forEach(array::add);
    }
  }

  private static ObjectNode withoutActions(ObjectNode statement) {
    ObjectNode copy = statement.deepCopy();
    copy.remove("Action");
    return copy;
  }

  static List<String> values(JsonNode stringOrArray) {
    List<String> values = new ArrayList<>();
    if (stringOrArray.isArray()) {
      stringOrArray.forEach(v -> values.add(v.asText()));
    } else {
      values.add(stringOrArray.asText());
    }
    return values;
  }

  /** Two-space indents, one array item a line, as the AWS documentation prints policies. */
  private static String pretty(JsonNode policy) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter)
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    try {
      return Json.MAPPER.writer(printer).writeValueAsString(policy) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return Json.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.ecsoperator.operator.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionNormalizer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Outputs of a real {@code aws ecs describe-task-definition} (the reconcilers' test fixtures) as a
 * user pastes them into a spec: the taskDefinition without its read-only fields.
 */
final class PastedTaskDefinitions {

  /** The example, examples/fargate-web/task-definition.yaml, as AWS describes it. */
  static final String FARGATE_WEB = "describe-task-definition-fargate-web.json";

  private PastedTaskDefinitions() {}

  /** The fixture's taskDefinition, read-only fields removed. */
  static ObjectNode pasted(String fixture) {
    String resource = "/fixtures/ecs/" + fixture;
    try (InputStream in = PastedTaskDefinitions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      var described = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return TaskDefinitionNormalizer.stripReadOnly(described.get("taskDefinition"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same as the YAML of a spec, unindented. */
  static String pastedYaml(String fixture) {
    return Serialization.asYaml(pasted(fixture)).replaceFirst("^---\n", "");
  }
}

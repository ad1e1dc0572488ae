package io.ecsoperator.reconcilers.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.tags.EcsTags;
import io.ecsoperator.testsupport.Specs;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Outputs of {@code aws ecs describe-task-definition --include TAGS} saved under {@code
 * fixtures/ecs/}, read into the AWS SDK model the way the SDK hands a response to the adapter.
 */
final class TaskDefinitionFixtures {

  /** Fargate web app (awsvpc, two containers) as AWS describes it, AWS's additions included. */
  static final String WEB = "describe-task-definition-web.json";

  /**
   * The Fargate web example (examples/fargate-web/task-definition.yaml) as AWS describes it once a
   * user registered it by hand: hostPort, protocol, healthCheck defaults, empty lists and false
   * added, no owner tag.
   */
  static final String FARGATE_WEB = "describe-task-definition-fargate-web.json";

  /** EC2 worker (bridge, EFS and bind volumes, placement constraints) as AWS describes it. */
  static final String WORKER = "describe-task-definition-worker-ec2.json";

  private TaskDefinitionFixtures() {}

  static JsonNode json(String fixture) {
    String resource = "/fixtures/ecs/" + fixture;
    try (InputStream in = TaskDefinitionFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DescribeTaskDefinitionResponse response(String fixture) {
    return SdkJson.fromJson(json(fixture), DescribeTaskDefinitionResponse.builder());
  }

  static TaskDefinition taskDefinition(String fixture) {
    return response(fixture).taskDefinition();
  }

  static Map<String, String> tags(String fixture) {
    return EcsTags.of(response(fixture).tags());
  }

  /** A spec as the API server hands it over: YAML through Fabric8's mapper. */
  static EcsTaskDefinitionSpec spec(String yaml) {
    return Specs.parse(yaml, EcsTaskDefinitionSpec.class);
  }

  /**
   * The fixture's taskDefinition as a user pastes it into a spec: read-only fields removed (the API
   * server rejects unknown fields), written out as YAML, read back like the API server's object.
   */
  static String pastedYaml(String fixture) {
    ObjectNode pasted = TaskDefinitionNormalizer.stripReadOnly(json(fixture).get("taskDefinition"));
    return Serialization.asYaml(pasted);
  }
}

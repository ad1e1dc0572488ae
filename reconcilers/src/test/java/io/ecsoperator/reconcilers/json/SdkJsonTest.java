package io.ecsoperator.reconcilers.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class SdkJsonTest {

  private static JsonNode describeOutput() throws IOException {
    try (InputStream in =
        SdkJsonTest.class.getResourceAsStream("/fixtures/ecs/describe-task-definition-web.json")) {
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void describeOutputFillsTheSdkModel() throws IOException {
    DescribeTaskDefinitionResponse response =
        SdkJson.fromJson(describeOutput(), DescribeTaskDefinitionResponse.builder());

    TaskDefinition taskDefinition = response.taskDefinition();
    assertThat(taskDefinition.revision()).isEqualTo(7);
    assertThat(taskDefinition.networkMode()).isEqualTo(NetworkMode.AWSVPC);
    assertThat(taskDefinition.registeredAt()).isEqualTo(Instant.parse("2025-03-14T09:21:33.512Z"));
    assertThat(taskDefinition.requiresAttributes()).hasSize(15);
    ContainerDefinition web = taskDefinition.containerDefinitions().get(0);
    assertThat(web.portMappings().get(0).hostPort()).isEqualTo(8080);
    assertThat(web.dockerLabels()).containsEntry("App", "web");
    assertThat(web.logConfiguration().logDriver()).isEqualTo(LogDriver.AWSLOGS);
    assertThat(web.healthCheck().interval()).isEqualTo(30);
    assertThat(response.tags()).hasSize(5);
  }

  @Test
  void sdkModelWritesBackTheSameJson() throws IOException {
    JsonNode described = describeOutput().get("taskDefinition");
    TaskDefinition model = SdkJson.fromJson(described, TaskDefinition.builder());

    ObjectNode written = SdkJson.toJson(model);

    ObjectNode expected = described.deepCopy();
    expected.put("registeredAt", "2025-03-14T09:21:33.512Z");
    assertThat(written).isEqualTo(expected);
  }

  @Test
  void unsetMembersAreLeftOutAndUnknownOnesIgnored() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("family", "web");
    json.put("notAnAwsField", "x");
    json.put("registeredAt", 1_700_000_000.5);

    TaskDefinition model = SdkJson.fromJson(json, TaskDefinition.builder());

    assertThat(model.registeredAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
    assertThat(SdkJson.toJson(model).toString())
        .isEqualTo("{\"family\":\"web\",\"registeredAt\":\"2023-11-14T22:13:20.500Z\"}");
  }

  @Test
  void freeFormDocumentMembersGoBothWaysAsJson() {
    JsonNode json =
        Json.parse(
            "{\"hookTargetArn\":\"arn:aws:lambda:eu-west-1:111122223333:function:check\","
                + "\"hookDetails\":{\"threshold\":5,\"ratio\":0.25,\"paths\":[\"/health\",null],"
                + "\"strict\":true,\"nested\":{\"name\":\"x\"}}}");

    DeploymentLifecycleHook hook = SdkJson.fromJson(json, DeploymentLifecycleHook.builder());

    assertThat(hook.hookDetails().asMap().get("threshold").asNumber().intValue()).isEqualTo(5);
    assertThat(hook.hookDetails().asMap().get("paths").asList().get(0).asString())
        .isEqualTo("/health");
    assertThat(hook.hookDetails().asMap().get("strict").asBoolean()).isTrue();
    assertThat(SdkJson.toJson(hook)).isEqualTo(json);
  }
}

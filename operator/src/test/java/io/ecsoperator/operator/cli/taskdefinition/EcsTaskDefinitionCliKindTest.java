package io.ecsoperator.operator.cli.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.operator.cli.imports.ManifestWriter;
import io.ecsoperator.operator.cli.manifest.ManifestLoader;
import io.ecsoperator.operator.kinds.KindRegistry;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.tags.EcsTags;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionDiff;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Import's spec of task definitions as real AWS describes them (the reconcilers' fixtures of
 * describe-task-definition): the diff finds nothing, and the manifest passes the CRD's checks.
 */
class EcsTaskDefinitionCliKindTest {

  private static TaskDefinitionState described(String fixture) throws IOException {
    try (InputStream in =
        EcsTaskDefinitionCliKindTest.class.getResourceAsStream("/fixtures/ecs/" + fixture)) {
      DescribeTaskDefinitionResponse response =
          SdkJson.fromJson(
              Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
              DescribeTaskDefinitionResponse.builder());
      TaskDefinition content = response.taskDefinition();
      return new TaskDefinitionState(
          content.taskDefinitionArn(),
          content.revision(),
          content.statusAsString(),
          content,
          EcsTags.of(response.tags()),
          List.of());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "describe-task-definition-web.json",
        "describe-task-definition-worker-ec2.json",
        "describe-task-definition-fargate-web.json"
      })
  void theImportedSpecHasNoDiffAndIsAValidManifest(String fixture) throws IOException {
    TaskDefinitionState revision = described(fixture);
    String family = revision.content().family();

    EcsTaskDefinitionSpec spec = EcsTaskDefinitionCliKind.spec(revision, family, family, null);

    assertThat(TaskDefinitionDiff.diff(spec, revision.content(), revision.tags()).changes())
        .isEmpty();
    EcsTaskDefinition object = new EcsTaskDefinition();
    object.getMetadata().setName(family);
    object.setSpec(spec);
    String yaml = ManifestWriter.toYaml(List.of(object), o -> List.of());
    var loaded =
        new ManifestLoader(
                KindRegistry.cliKinds(),
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
            .load(List.of("-"), "default");
    assertThat(loaded.manifests()).hasSize(1);
  }

  @Test
  void readOnlyFieldsDefaultsAndTheOperatorsTagsAreLeftOut() throws IOException {
    TaskDefinitionState web = described("describe-task-definition-web.json");

    EcsTaskDefinitionSpec spec = EcsTaskDefinitionCliKind.spec(web, "web", "shop-web", "eu-west-1");

    String json = Json.write(spec);
    assertThat(json)
        .doesNotContain("taskDefinitionArn", "revision\"", "requiresAttributes", "registeredAt")
        .doesNotContain("\"essential\":true", "\"protocol\":\"tcp\"", "ecsoperator.io/");
    assertThat(spec.family).as("the object is named otherwise").isEqualTo("web");
    assertThat(spec.region).isEqualTo("eu-west-1");
    assertThat(spec.adopt).isTrue();
    assertThat(spec.tags).containsOnlyKeys("team", "cost-center");
  }
}

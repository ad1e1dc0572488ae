package io.ecsoperator.reconcilers.taskdefinition;

import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.FARGATE_WEB;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.WORKER;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.json;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.pastedYaml;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;

class TaskDefinitionRequestsTest {

  private static final Map<String, String> TAGS =
      Map.of("team", "web", "ecsoperator.io/owner", "apps/web");

  /** Every field a real describe output has reaches the request as it was written. */
  @ParameterizedTest
  @ValueSource(strings = {FARGATE_WEB, WORKER})
  void aPastedDescribeOutputIsRegisteredFieldForField(String fixture) {
    EcsTaskDefinitionSpec spec = spec(pastedYaml(fixture));

    RegisterTaskDefinitionRequest request = TaskDefinitionRequests.register("web", spec, TAGS);

    ObjectNode sent = SdkJson.toJson(request);
    sent.remove("tags");
    ObjectNode pasted = TaskDefinitionNormalizer.stripReadOnly(json(fixture).get("taskDefinition"));
    pasted.put("family", "web");
    assertThat(sent).isEqualTo(pasted);
  }

  @Test
  void aSpecAsUsersWriteItIsRegisteredWithTheSameMeaning() {
    EcsTaskDefinitionSpec spec = spec(TaskDefinitionDiffTest.WEB_SPEC);

    RegisterTaskDefinitionRequest request = TaskDefinitionRequests.register("web", spec, TAGS);

    assertThat(TaskDefinitionNormalizer.normalize(SdkJson.toJson(request)))
        .isEqualTo(TaskDefinitionNormalizer.normalize(spec));
    assertThat(request.cpu()).as("units as written: AWS reads them").isEqualTo("1 vCPU");
  }

  @Test
  void theFamilyAndTheTagsComeFromTheCallerAndTheOperatorsSettingsStayOut() {
    EcsTaskDefinitionSpec spec =
        spec(
            """
            family: written-in-the-spec
            region: eu-west-1
            deletionPolicy: Retain
            managementPolicy: Manage
            adopt: true
            revisionHistoryLimit: 3
            tags: {team: ignored}
            containerDefinitions:
              - name: web
                image: nginx:1.27
            """);

    RegisterTaskDefinitionRequest request = TaskDefinitionRequests.register("web", spec, TAGS);

    assertThat(request.family()).isEqualTo("web");
    assertThat(request.tags())
        .containsExactlyInAnyOrder(
            Tag.builder().key("team").value("web").build(),
            Tag.builder().key("ecsoperator.io/owner").value("apps/web").build());
    assertThat(SdkJson.toJson(request).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("family", "containerDefinitions", "tags");
  }
}

package io.ecsoperator.operator.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.tags.EcsTags;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionSpecHash;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * EcsTaskDefinition end to end: the real API server, the operator and moto, driven with kubectl the
 * way a user would.
 */
class EcsTaskDefinitionE2EIT extends OperatorE2E {

  private static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0.0";

  private EcsClient ecs;

  EcsTaskDefinitionE2EIT() {
    super("ecstd", new Example("fargate-web/task-definition.yaml", "web", "family", "web"));
  }

  @BeforeAll
  void ecsClient() {
    ecs = h.aws.forRegion(null).ecs();
  }

  @Test
  void theExampleGoesReadyWithItsFirstRevision() throws IOException {
    h.apply(example("example", "e2e-example")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecstaskdefinition/example", WAIT);

    KstatusAssert.live(h.bed, h.namespace, "ecstaskdefinition/example").hasGeneration(1).isReady();
    String arn = arn("e2e-example", 1);
    assertThat(h.get("ecstaskdefinition/example", ".status.revision")).isEqualTo("1");
    assertThat(h.get("ecstaskdefinition/example", ".status.taskDefinitionArn")).isEqualTo(arn);
    assertThat(h.get("ecstaskdefinition/example", ".status.registeredRevisions[*]")).isEqualTo(arn);
    var described =
        ecs.describeTaskDefinition(r -> r.taskDefinition(arn).include(TaskDefinitionField.TAGS));
    assertThat(described.taskDefinition().containerDefinitions().get(0).image()).isEqualTo(IMAGE);
    assertThat(described.taskDefinition().requiresCompatibilitiesAsStrings())
        .containsExactly("FARGATE");
    assertThat(EcsTags.of(described.tags()))
        .containsEntry("team", "web")
        .containsEntry("cost-center", "cc-42")
        .containsEntry("ecsoperator.io/owner", h.namespace + "/example")
        .containsKey(TaskDefinitionSpecHash.TAG);
    assertThat(
            h.kubectl("get", "ecstaskdefinitions", "-o", "wide")
                .assertSuccess("get -o wide")
                .stdout())
        .contains(arn)
        .contains("in sync with AWS");
  }

  @Test
  void anImageChangeRegistersOneRevisionAndReapplyingTheSameYamlWritesNothing()
      throws IOException, InterruptedException {
    String manifest = example("imaged", "e2e-imaged");
    h.apply(manifest).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecstaskdefinition/imaged", WAIT);
    h.calls.reset();

    String changed = manifest.replace(IMAGE, IMAGE.replace(":1.0.0", ":1.1.0"));
    h.apply(changed).assertSuccess("apply the new image");

    h.waitFor("jsonpath={.status.observedGeneration}=2", "ecstaskdefinition/imaged", WAIT);
    h.waitFor("condition=Ready", "ecstaskdefinition/imaged", WAIT);
    assertThat(h.get("ecstaskdefinition/imaged", ".status.revision")).isEqualTo("2");
    assertThat(h.get("ecstaskdefinition/imaged", ".status.taskDefinitionArn"))
        .isEqualTo(arn("e2e-imaged", 2));
    assertThat(h.get("ecstaskdefinition/imaged", ".status.registeredRevisions[*]"))
        .isEqualTo(arn("e2e-imaged", 1) + " " + arn("e2e-imaged", 2));
    assertThat(h.calls.writes()).isEqualTo(Map.of("RegisterTaskDefinition", 1));
    assertThat(events("imaged")).contains("Updated");

    h.calls.reset();
    String resourceVersion = h.get("ecstaskdefinition/imaged", ".metadata.resourceVersion");
    for (int i = 0; i < 3; i++) {
      assertThat(h.apply(changed).assertSuccess("re-apply").stdout()).contains("unchanged");
    }
    Thread.sleep(RESYNC.multipliedBy(2).toMillis());

    assertThat(h.calls.writes()).as("AWS writes after three re-applies").isEmpty();
    assertThat(h.get("ecstaskdefinition/imaged", ".metadata.resourceVersion"))
        .as("no Kubernetes write either")
        .isEqualTo(resourceVersion);
  }

  @Test
  void aNoOpDriftCheckReadsTheRegionsSweepAndWritesNothing()
      throws IOException, InterruptedException {
    h.apply(example("idle", "e2e-idle")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecstaskdefinition/idle", WAIT);
    String resourceVersion = h.get("ecstaskdefinition/idle", ".metadata.resourceVersion");
    h.calls.reset();

    Thread.sleep(RESYNC.multipliedBy(3).toMillis());

    assertThat(h.calls.all()).as("the drift checks read AWS").containsKey("GetResources");
    assertThat(h.calls.all().keySet())
        .as("a drift check of an in-sync revision needs nothing but the sweep of its region")
        .containsOnly("ListTaskDefinitions", "GetResources");
    assertThat(h.calls.writes()).as("AWS writes of no-op drift checks").isEmpty();
    assertThat(h.get("ecstaskdefinition/idle", ".metadata.resourceVersion"))
        .as("no status write")
        .isEqualTo(resourceVersion);
  }

  /**
   * A user pastes the output of a real describe-task-definition of a revision registered by hand
   * into a spec and adopts the family: Ready, with no new revision.
   */
  @Test
  void aPastedDescribeOutputIsAdoptedWithoutANewRevision() throws IOException {
    JsonNode pasted = PastedTaskDefinitions.pasted(PastedTaskDefinitions.FARGATE_WEB);
    ecs.registerTaskDefinition(
        SdkJson.fromJson(pasted, RegisterTaskDefinitionRequest.builder()).toBuilder()
            .family("e2e-pasted")
            .tags(EcsTags.toAws(Map.of("team", "web")))
            .build());
    String spec =
        PastedTaskDefinitions.pastedYaml(PastedTaskDefinitions.FARGATE_WEB)
            .replaceAll("(?m)^family: .*$", "family: e2e-pasted");
    h.calls.reset();

    h.apply(
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsTaskDefinition
            metadata:
              name: pasted
            spec:
              adopt: true
            %s"""
                .formatted(spec.indent(2)))
        .assertSuccess("apply the pasted describe output");

    h.waitFor("condition=Ready", "ecstaskdefinition/pasted", WAIT);
    KstatusAssert.live(h.bed, h.namespace, "ecstaskdefinition/pasted").isReady();
    assertThat(h.get("ecstaskdefinition/pasted", ".status.revision")).isEqualTo("1");
    assertThat(h.calls.writes())
        .as("adopted by its tags alone")
        .isEqualTo(Map.of("TagResource", 1));
    assertThat(events("pasted")).contains("Adopted").doesNotContain("Updated");
  }

  @Test
  void deletingDeregistersTheObjectsRevisionsAndLeavesOthers() throws IOException {
    String manifest = example("gone", "e2e-gone");
    h.apply(manifest).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecstaskdefinition/gone", WAIT);
    h.apply(manifest.replace(IMAGE, IMAGE.replace(":1.0.0", ":1.1.0")))
        .assertSuccess("apply a new image");
    h.waitFor("jsonpath={.status.revision}=2", "ecstaskdefinition/gone", WAIT);
    ecs.registerTaskDefinition(
        r ->
            r.family("e2e-gone")
                .containerDefinitions(c -> c.name("other").image("busybox").memory(64))
                .tags(t -> t.key("team").value("another-team")));

    h.kubectl("delete", "ecstaskdefinition/gone", "--timeout=60s").assertSuccess("delete");

    assertThat(h.kubectl("get", "ecstaskdefinition/gone").exitCode()).isNotZero();
    assertThat(status("e2e-gone", 1)).isEqualTo("INACTIVE");
    assertThat(status("e2e-gone", 2)).isEqualTo("INACTIVE");
    assertThat(status("e2e-gone", 3)).as("not registered by the object").isEqualTo("ACTIVE");
    assertThat(events("gone")).contains("Deleted");
  }

  @Test
  void retainKeepsTheRevisionsWhenTheObjectIsDeleted() throws IOException {
    h.apply(example("kept", "e2e-kept").replace("spec:\n", "spec:\n  deletionPolicy: Retain\n"))
        .assertSuccess("apply");
    h.waitFor("condition=Ready", "ecstaskdefinition/kept", WAIT);

    h.kubectl("delete", "ecstaskdefinition/kept", "--timeout=60s").assertSuccess("delete");

    assertThat(h.kubectl("get", "ecstaskdefinition/kept").exitCode()).isNotZero();
    assertThat(status("e2e-kept", 1)).isEqualTo("ACTIVE");
  }

  private String status(String family, int revision) {
    return ecs.describeTaskDefinition(r -> r.taskDefinition(family + ":" + revision))
        .taskDefinition()
        .statusAsString();
  }

  private String arn(String family, int revision) {
    return "arn:aws:ecs:"
        + h.bed.region()
        + ":123456789012:task-definition/"
        + family
        + ":"
        + revision;
  }
}

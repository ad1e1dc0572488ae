package io.ecsoperator.reconcilers.taskdefinition;

import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.WEB;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.pastedYaml;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.spec;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskDefinitionSpecHashTest {

  private static final String SMALL =
      """
      cpu: 256
      memory: "512"
      containerDefinitions: [{name: web, image: nginx:1.27}]
      """;

  @Test
  void hashIsTheSha256OfTheCanonicalJson() {
    // Pinned: SHA-256 of {"containerDefinitions":[{"image":"nginx:1.27","name":"web"}],
    // "cpu":"256","memory":"512"}, computed outside Java. If this changes, revisions registered by
    // earlier operator versions are no longer found by their hash (one extra revision each).
    assertThat(TaskDefinitionSpecHash.of(spec(SMALL)))
        .isEqualTo("55f4b8bf8189a769b520f073cbae9c19bc4abdaed0542bac4534ff3902b20f78");
  }

  @Test
  void specsThatMeanTheSameHaveTheSameHash() {
    String same =
        """
        cpu: 0.25 vCPU
        memory: 0.5 GB
        containerDefinitions:
          - name: web
            image: nginx:1.27
            cpu: 0
            essential: true
            environment: []
        """;

    assertThat(TaskDefinitionSpecHash.of(spec(same)))
        .isEqualTo(TaskDefinitionSpecHash.of(spec(SMALL)));
  }

  @Test
  void aRegisteredRevisionHashesLikeTheSpecsItWasRegisteredFrom() {
    String fromAws = TaskDefinitionSpecHash.of(taskDefinition(WEB));

    assertThat(fromAws).matches("[0-9a-f]{64}");
    assertThat(TaskDefinitionSpecHash.of(spec(pastedYaml(WEB)))).isEqualTo(fromAws);
    assertThat(TaskDefinitionSpecHash.of(spec(TaskDefinitionDiffTest.WEB_SPEC))).isEqualTo(fromAws);
  }

  @Test
  void contentChangesChangeTheHash() {
    String base = TaskDefinitionSpecHash.of(spec(SMALL));

    assertThat(TaskDefinitionSpecHash.of(spec(SMALL.replace("nginx:1.27", "nginx:1.28"))))
        .isNotEqualTo(base);
    assertThat(TaskDefinitionSpecHash.of(spec(SMALL.replace("cpu: 256", "cpu: 512"))))
        .isNotEqualTo(base);
    assertThat(TaskDefinitionSpecHash.of(spec(SMALL + "networkMode: awsvpc\n"))).isNotEqualTo(base);
  }

  @Test
  void tagsFamilyAndOperatorSettingsAreNotPartOfTheHash() {
    String withSettings =
        SMALL
            + """
            family: other
            region: eu-central-1
            revisionHistoryLimit: 2
            deletionPolicy: Retain
            managementPolicy: ObserveOnly
            adopt: true
            tags: {team: web}
            """;

    assertThat(TaskDefinitionSpecHash.of(spec(withSettings)))
        .isEqualTo(TaskDefinitionSpecHash.of(spec(SMALL)));
    assertThat(TaskDefinitionSpecHash.TAG).isEqualTo("ecsoperator.io/spec-hash");
  }
}

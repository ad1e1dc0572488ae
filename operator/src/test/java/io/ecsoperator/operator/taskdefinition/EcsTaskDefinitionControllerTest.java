package io.ecsoperator.operator.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionStatus;
import io.ecsoperator.reconcilers.taskdefinition.KnownRevisions;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsTaskDefinitionControllerTest {

  private static final String ARN = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:";

  @Test
  void theStatusTellsTheAdapterTheCurrentAndTheRegisteredRevisions() {
    EcsTaskDefinitionStatus status = new EcsTaskDefinitionStatus();
    status.taskDefinitionArn = ARN + "3";
    status.revision = 3L;
    status.registeredRevisions = List.of(ARN + "2", ARN + "3");

    assertThat(EcsTaskDefinitionAdapters.known(status))
        .isEqualTo(new KnownRevisions(ARN + "3", List.of(ARN + "2", ARN + "3")));
  }

  @Test
  void aNewObjectKnowsNoRevision() {
    assertThat(EcsTaskDefinitionAdapters.known(null)).isEqualTo(KnownRevisions.NONE);
    assertThat(EcsTaskDefinitionAdapters.known(new EcsTaskDefinitionStatus()))
        .isEqualTo(KnownRevisions.NONE);
  }
}

package io.ecsoperator.operator.cli.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.reconcilers.json.Json;
import org.junit.jupiter.api.Test;

class TemplateFileReferencesTest {

  @Test
  void theProviderObjectsOfTheStrategyAreReferencesOfTheFilesToo() throws Exception {
    TaskTemplate task =
        Json.MAPPER.readValue(
            """
            {"clusterRef": {"name": "batch"}, "taskDefinition": "migrate",
             "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "base": 1},
               {"capacityProviderRef": {"name": "spot"}, "weight": 1}]}
            """,
            TaskTemplate.class);

    assertThat(TemplateFileReferences.of(task))
        .containsExactly(
            new Reference("task.clusterRef", "EcsCluster"),
            new Reference("task.taskDefinitionRef", "EcsTaskDefinition"),
            new Reference(
                "task.capacityProviderStrategy.1.capacityProviderRef", "EcsCapacityProvider"));
  }
}

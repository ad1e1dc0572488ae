package io.ecsoperator.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.cluster.EcsClusterStatus;
import io.ecsoperator.crds.common.StatusCondition;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which updates of a referenced object reconcile the services referring to it. */
class DependencyChangeTest {

  private static final Function<EcsCluster, Object> NOTHING = c -> null;
  private static final Function<EcsTaskDefinition, Object> REVISION =
      td -> td.getStatus().taskDefinitionArn;

  @Test
  void newTaskCountsOfAReadyClusterDoNotMatter() {
    EcsCluster before = readyCluster();
    EcsCluster after = readyCluster();
    after.getStatus().runningTasksCount = 12;
    after.getStatus().activeServicesCount = 3;

    assertThat(DependencyChange.matters(after, before, NOTHING)).isFalse();
  }

  @Test
  void aNewGenerationItsObservationAndReadinessMatter() {
    EcsCluster before = readyCluster();

    EcsCluster newSpec = readyCluster();
    newSpec.getMetadata().setGeneration(3L);
    EcsCluster observed = readyCluster();
    observed.getStatus().observedGeneration = 1L;
    EcsCluster stalled = readyCluster();
    stalled.getStatus().conditions =
        List.of(new StatusCondition("Ready", "False", "Throttled", "slow down", 2, "t"));
    EcsCluster otherMessage = readyCluster();
    otherMessage.getStatus().conditions =
        List.of(new StatusCondition("Ready", "True", "InSync", "other", 2, "t"));

    assertThat(DependencyChange.matters(newSpec, before, NOTHING)).isTrue();
    assertThat(DependencyChange.matters(observed, before, NOTHING)).isTrue();
    assertThat(DependencyChange.matters(stalled, before, NOTHING)).isTrue();
    assertThat(DependencyChange.matters(otherMessage, before, NOTHING)).isTrue();
    assertThat(DependencyChange.matters(before, noStatus(), NOTHING)).isTrue();
  }

  @Test
  void aNewRevisionOfATaskDefinitionMatters() {
    EcsTaskDefinition before = taskDefinition("arn:aws:ecs:eu-west-1:1:task-definition/web:1");
    EcsTaskDefinition same = taskDefinition("arn:aws:ecs:eu-west-1:1:task-definition/web:1");
    EcsTaskDefinition next = taskDefinition("arn:aws:ecs:eu-west-1:1:task-definition/web:2");

    assertThat(DependencyChange.matters(same, before, REVISION)).isFalse();
    assertThat(DependencyChange.matters(next, before, REVISION)).isTrue();
  }

  private static EcsCluster readyCluster() {
    EcsCluster cluster = noStatus();
    EcsClusterStatus status = new EcsClusterStatus();
    status.observedGeneration = 2L;
    status.conditions = List.of(new StatusCondition("Ready", "True", "InSync", "in sync", 2, "t"));
    status.runningTasksCount = 10;
    cluster.setStatus(status);
    return cluster;
  }

  private static EcsCluster noStatus() {
    EcsCluster cluster = new EcsCluster();
    cluster.setMetadata(new ObjectMetaBuilder().withName("shop").withGeneration(2L).build());
    cluster.setStatus(null);
    return cluster;
  }

  private static EcsTaskDefinition taskDefinition(String arn) {
    EcsTaskDefinition td = new EcsTaskDefinition();
    td.setMetadata(new ObjectMetaBuilder().withName("web").withGeneration(1L).build());
    EcsTaskDefinitionStatus status = new EcsTaskDefinitionStatus();
    status.observedGeneration = 1L;
    status.conditions = List.of(new StatusCondition("Ready", "True", "InSync", "in sync", 1, "t"));
    status.taskDefinitionArn = arn;
    td.setStatus(status);
    return td;
  }
}

package io.ecsoperator.reconcilers.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class TaskDefinitionCacheTest {

  @Test
  void keepsARevisionsContentByArnWithoutItsStatus() {
    TaskDefinitionCache cache = new TaskDefinitionCache();
    TaskDefinition described = TaskDefinitionFixtures.taskDefinition(TaskDefinitionFixtures.WEB);

    cache.put(described);

    TaskDefinition cached = cache.get(described.taskDefinitionArn());
    assertThat(cached.statusAsString()).as("a revision's status changes: not cached").isNull();
    assertThat(cached.containerDefinitions()).isEqualTo(described.containerDefinitions());
    assertThat(TaskDefinitionSpecHash.of(cached)).isEqualTo(TaskDefinitionSpecHash.of(described));
  }

  @Test
  void dropsTheDeregistrationTimeOfAnInactiveRevision() {
    TaskDefinitionCache cache = new TaskDefinitionCache();

    cache.put(revision(1).toBuilder().status("INACTIVE").deregisteredAt(Instant.now()).build());

    assertThat(cache.get(arn(1)).deregisteredAt()).isNull();
    assertThat(cache.get(arn(1)).statusAsString()).isNull();
  }

  @Test
  void evictsTheLeastRecentlyUsedRevisionBeyondItsCapacity() {
    TaskDefinitionCache cache = new TaskDefinitionCache(2);
    cache.put(revision(1));
    cache.put(revision(2));
    assertThat(cache.get(arn(1))).isNotNull();

    cache.put(revision(3));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get(arn(2))).as("least recently used").isNull();
    assertThat(cache.get(arn(1))).isNotNull();
    assertThat(cache.get(arn(3))).isNotNull();
  }

  @Test
  void ignoresAnAnswerWithoutATaskDefinition() {
    TaskDefinitionCache cache = new TaskDefinitionCache();

    cache.put(null);
    cache.put(TaskDefinition.builder().family("web").build());

    assertThat(cache.size()).isZero();
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> new TaskDefinitionCache(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }

  private static TaskDefinition revision(int revision) {
    return TaskDefinition.builder()
        .taskDefinitionArn(arn(revision))
        .family("web")
        .revision(revision)
        .status("ACTIVE")
        .build();
  }

  private static String arn(int revision) {
    return "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:" + revision;
  }
}

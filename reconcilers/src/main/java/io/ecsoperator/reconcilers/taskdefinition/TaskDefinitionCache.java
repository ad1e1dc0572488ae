package io.ecsoperator.reconcilers.taskdefinition;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Contents of task definition revisions by ARN (DESIGN §8): a revision's content never changes, so
 * an entry never goes stale and is only evicted, least recently used first, to bound the memory.
 * What does change is kept out: the status (a revision can be deregistered) is dropped before
 * caching, and tags are never cached. Thread-safe; one per operator, shared by reconciles.
 */
public final class TaskDefinitionCache {

  /** Enough for every revision a few hundred objects run and keep in their history. */
  public static final int DEFAULT_CAPACITY = 2000;

  private final Map<String, TaskDefinition> byArn;

  public TaskDefinitionCache() {
    this(DEFAULT_CAPACITY);
  }

  public TaskDefinitionCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.byArn =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, TaskDefinition> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The revision's content without its status, or null when not cached. */
  public synchronized TaskDefinition get(String arn) {
    return byArn.get(arn);
  }

  /** Remembers a revision AWS described or registered. */
  public synchronized void put(TaskDefinition taskDefinition) {
    if (taskDefinition != null && taskDefinition.taskDefinitionArn() != null) {
      byArn.put(
          taskDefinition.taskDefinitionArn(),
          taskDefinition.toBuilder().status((String) null).deregisteredAt(null).build());
    }
  }

  public synchronized int size() {
    return byArn.size();
  }
}

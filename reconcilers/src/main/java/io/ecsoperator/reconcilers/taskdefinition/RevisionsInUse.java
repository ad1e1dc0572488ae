package io.ecsoperator.reconcilers.taskdefinition;

import java.util.Set;

/**
 * The task definition revisions that known EcsServices run: revision history pruning never
 * deregisters one of them. Asked only when there is something to prune.
 */
@FunctionalInterface
public interface RevisionsInUse {

  /** No service is known (the CLI, or a namespace without EcsServices). */
  RevisionsInUse NONE = Set::of;

  /** Revision ARNs, e.g. arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7. */
  Set<String> arns();
}

package io.ecsoperator.reconcilers.service;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecs.model.ClientException;

/**
 * The revision ARN a service's {@code taskDefinition} stands for (DESIGN §7): an ARN is one; a
 * family:revision is described once and remembered (revisions are immutable); a bare family is the
 * family's latest ACTIVE revision, described each time since it moves on.
 */
public final class TaskDefinitionRevisions {

  // By account and region: the same family:revision is another revision in another account.
  private final Map<AwsClients, Map<String, String>> pinned = new ConcurrentHashMap<>();

  /**
   * The revision ARN, or empty when AWS has no such task definition.
   *
   * @param clients the clients of the account and region the task definition is in
   */
  public Optional<String> revisionArn(AwsClients clients, String taskDefinition) {
    if (taskDefinition.startsWith("arn:")) {
      return Optional.of(taskDefinition);
    }
    if (!taskDefinition.contains(":")) {
      return describe(clients, taskDefinition);
    }
    Map<String, String> known = pinned.computeIfAbsent(clients, c -> new ConcurrentHashMap<>());
    String arn = known.get(taskDefinition);
    if (arn != null) {
      return Optional.of(arn);
    }
    Optional<String> described = describe(clients, taskDefinition);
    described.ifPresent(a -> known.put(taskDefinition, a));
    return described;
  }

  private static Optional<String> describe(AwsClients clients, String taskDefinition) {
    try {
      return Optional.of(
          clients
              .ecsCall(
                  ApiCategory.ECS_TASK_DEFINITION_READ,
                  ecs -> ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition)))
              .taskDefinition()
              .taskDefinitionArn());
    } catch (ClientException unknown) {
      // ECS answers an unknown family or revision with "Unable to describe task definition."
      return Optional.empty();
    }
  }
}

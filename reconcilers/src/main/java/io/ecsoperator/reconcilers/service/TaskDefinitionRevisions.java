package io.ecsoperator.reconcilers.service;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
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

  private final AwsClientFactory aws;
  private final Map<String, String> pinned = new ConcurrentHashMap<>();

  public TaskDefinitionRevisions(AwsClientFactory aws) {
    this.aws = aws;
  }

  /** The revision ARN, or empty when AWS has no such task definition. */
  public Optional<String> revisionArn(String region, String taskDefinition) {
    if (taskDefinition.startsWith("arn:")) {
      return Optional.of(taskDefinition);
    }
    AwsClients clients = aws.forRegion(region);
    if (!taskDefinition.contains(":")) {
      return describe(clients, taskDefinition);
    }
    String key = clients.region() + "/" + taskDefinition;
    String known = pinned.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> arn = describe(clients, taskDefinition);
    arn.ifPresent(a -> pinned.put(key, a));
    return arn;
  }

  private static Optional<String> describe(AwsClients clients, String taskDefinition) {
    try {
      return Optional.of(
          clients
              .guard()
              .call(
                  ApiCategory.ECS_TASK_DEFINITION_READ,
                  () -> clients.ecs().describeTaskDefinition(r -> r.taskDefinition(taskDefinition)))
              .taskDefinition()
              .taskDefinitionArn());
    } catch (ClientException unknown) {
      // ECS answers an unknown family or revision with "Unable to describe task definition."
      return Optional.empty();
    }
  }
}

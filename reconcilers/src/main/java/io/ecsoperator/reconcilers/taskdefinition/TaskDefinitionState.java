package io.ecsoperator.reconcilers.taskdefinition;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The current revision of an EcsTaskDefinition's family as AWS has it.
 *
 * @param arn the revision's ARN
 * @param revision its number in the family
 * @param status ACTIVE, INACTIVE (deregistered) or DELETE_IN_PROGRESS
 * @param content the revision as DescribeTaskDefinition or RegisterTaskDefinition returned it
 * @param tags its tags in AWS
 * @param registeredRevisions ARNs of the ACTIVE revisions the object registered, oldest first
 */
public record TaskDefinitionState(
    String arn,
    long revision,
    String status,
    TaskDefinition content,
    Map<String, String> tags,
    List<String> registeredRevisions) {

  public static final String ACTIVE = "ACTIVE";

  public TaskDefinitionState {
    tags = Map.copyOf(tags);
    registeredRevisions = List.copyOf(registeredRevisions);
  }

  public boolean active() {
    return ACTIVE.equals(status);
  }

  public TaskDefinitionState withTags(Map<String, String> newTags) {
    return new TaskDefinitionState(arn, revision, status, content, newTags, registeredRevisions);
  }

  public TaskDefinitionState withRegisteredRevisions(List<String> registered) {
    return new TaskDefinitionState(arn, revision, status, content, tags, registered);
  }
}

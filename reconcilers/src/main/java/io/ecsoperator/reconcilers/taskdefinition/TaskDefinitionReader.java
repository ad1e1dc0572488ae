package io.ecsoperator.reconcilers.taskdefinition;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.Pages;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Reads task definition revisions from ECS, through the call guard and the content cache: one
 * DescribeTaskDefinition for a revision with its status and tags, ListTaskDefinitions and
 * ListTagsForResource for a family's ACTIVE revisions.
 */
public final class TaskDefinitionReader {

  private final AwsClients clients;
  private final TaskDefinitionCache cache;

  public TaskDefinitionReader(AwsClients clients, TaskDefinitionCache cache) {
    this.clients = clients;
    this.cache = cache;
  }

  /**
   * One revision with its status and tags, in one call; null when ECS does not know it (ECS answers
   * an unknown revision with a ClientException).
   */
  public TaskDefinitionState describe(String arn) {
    DescribeTaskDefinitionResponse response;
    try {
      response =
          clients.ecsCall(
              ApiCategory.ECS_TASK_DEFINITION_READ,
              ecs ->
                  ecs.describeTaskDefinition(
                      r -> r.taskDefinition(arn).include(TaskDefinitionField.TAGS)));
    } catch (ClientException unknown) {
      return null;
    }
    TaskDefinition taskDefinition = response.taskDefinition();
    cache.put(taskDefinition);
    return new TaskDefinitionState(
        taskDefinition.taskDefinitionArn(),
        taskDefinition.revision(),
        taskDefinition.statusAsString(),
        taskDefinition,
        EcsTags.of(response.tags()),
        List.of());
  }

  /** A revision's content: from the cache, else described (and cached). */
  public TaskDefinition content(String arn) {
    TaskDefinition cached = cache.get(arn);
    if (cached != null) {
      return cached;
    }
    TaskDefinitionState described = describe(arn);
    if (described == null) {
      throw new IllegalStateException("task definition " + arn + " vanished while being read");
    }
    return described.content();
  }

  /**
   * The family's ACTIVE revisions with their tags: ListTaskDefinitions page by page, then one
   * ListTagsForResource per revision (tags change, so they are read each time).
   */
  public FamilyRevisions active(String family) {
    List<TaggedRevision> revisions = new ArrayList<>();
    for (String arn : activeArns(clients, r -> r.familyPrefix(family))) {
      RevisionArn parsed = RevisionArn.parse(arn);
      // AWS's familyPrefix selects the whole family name; the check keeps it so if it ever differs.
      if (parsed != null && parsed.family().equals(family)) {
        revisions.add(new TaggedRevision(arn, parsed.revision(), tags(arn)));
      }
    }
    return new FamilyRevisions(revisions);
  }

  /** The ARNs of the ACTIVE revisions the filter selects, ListTaskDefinitions page by page. */
  static List<String> activeArns(
      AwsClients clients, Consumer<ListTaskDefinitionsRequest.Builder> filter) {
    return Pages.all(
        page ->
            clients.ecsCall(
                ApiCategory.ECS_TASK_DEFINITION_READ,
                ecs ->
                    ecs.listTaskDefinitions(
                        r -> filter.accept(r.status(TaskDefinitionStatus.ACTIVE).nextToken(page)))),
        ListTaskDefinitionsResponse::taskDefinitionArns,
        ListTaskDefinitionsResponse::nextToken);
  }

  private Map<String, String> tags(String arn) {
    return EcsTags.of(
        clients
            .ecsCall(
                ApiCategory.ECS_TAG_READ, ecs -> ecs.listTagsForResource(r -> r.resourceArn(arn)))
            .tags());
  }
}

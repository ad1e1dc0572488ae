package io.ecsoperator.reconcilers.task;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The task reads of one cluster: ListTasks by startedBy or family, DescribeTasks batched across
 * objects.
 */
public record TaskReader(
    AwsClients clients,
    String cluster,
    TaskDefinitionCache definitions,
    BatchedTaskDescriber describer) {

  /**
   * The ARNs of the tasks started by {@code startedBy}, running and stopped (ListTasks lists only
   * one desired status per call, RUNNING by default).
   */
  List<String> startedBy(String startedBy) {
    return listed(r -> r.startedBy(startedBy));
  }

  /** The ARNs of the tasks of a task definition family, running and stopped. */
  public List<String> family(String family) {
    return listed(r -> r.family(family));
  }

  private List<String> listed(Consumer<ListTasksRequest.Builder> filter) {
    List<String> arns = new ArrayList<>();
    for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
      clients
          .ecsCall(
              ApiCategory.ECS_CLUSTER_READ,
              ecs ->
                  ecs
                      .listTasksPaginator(
                          r -> {
                            filter.accept(r);
                            r.cluster(cluster).desiredStatus(status);
                          })
                      .taskArns()
                      .stream()
                      .toList())
          .forEach(arns::add);
    }
    return arns;
  }

  /** The tasks ECS still knows of these, with their tags; forgotten ones are left out. */
  public List<Task> describe(Collection<String> taskArns) {
    return describer.describe(clients, cluster, taskArns);
  }

  /** A task definition revision; revisions never change, so each is described once. */
  public TaskDefinition definition(String arn) {
    TaskDefinition known = definitions.get(arn);
    if (known != null) {
      return known;
    }
    TaskDefinition described =
        clients
            .ecsCall(
                ApiCategory.ECS_TASK_DEFINITION_READ,
                ecs -> ecs.describeTaskDefinition(r -> r.taskDefinition(arn)))
            .taskDefinition();
    definitions.put(described);
    return described;
  }
}

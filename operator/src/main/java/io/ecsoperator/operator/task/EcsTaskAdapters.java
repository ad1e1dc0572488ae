package io.ecsoperator.operator.task;

import io.ecsoperator.crds.task.EcsTask;
import io.ecsoperator.crds.task.EcsTaskStatus;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.task.BatchedTaskDescriber;
import io.ecsoperator.reconcilers.task.EcsTaskAdapter;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import java.time.Clock;

/**
 * Builds the adapter of an EcsTask, for the operator and the CLI alike; each resolves the cluster
 * and task definition its own way (referenced objects, or the files). What the status recorded wins
 * over both: the tasks run where they were started, on the revision pinned at creation.
 */
public final class EcsTaskAdapters {

  private EcsTaskAdapters() {}

  /**
   * @param ref the object (its UID finds the tasks; null UID in the CLI)
   * @param cluster the cluster's name or ARN, when the status has none
   * @param taskDefinitionArn the revision to pin, when the status has none
   * @param providers the AWS names of the EcsCapacityProvider objects of the strategy
   */
  public static EcsTaskAdapter forObject(
      AwsClientFactory aws,
      TaskDefinitionCache definitions,
      BatchedTaskDescriber describer,
      EcsTask resource,
      ResourceRef ref,
      String cluster,
      String taskDefinitionArn,
      ProviderNames providers,
      Clock clock) {
    EcsTaskStatus status = resource.getStatus();
    EcsTaskAdapter.Recorded recorded =
        status == null
            ? EcsTaskAdapter.Recorded.NONE
            : new EcsTaskAdapter.Recorded(
                status.taskDefinitionArn, status.startTime, status.attempts);
    return EcsTaskAdapter.of(
        aws,
        resource.getSpec().region,
        ref,
        pinnedCluster(status) != null ? pinnedCluster(status) : cluster,
        pinnedTaskDefinition(status) != null ? pinnedTaskDefinition(status) : taskDefinitionArn,
        providers,
        recorded,
        definitions,
        describer,
        clock);
  }

  /** The cluster the recorded attempts run in; null before the first. */
  public static String pinnedCluster(EcsTaskStatus status) {
    return status == null ? null : status.clusterArn;
  }

  /** The revision the recorded attempts run; null before the first. */
  public static String pinnedTaskDefinition(EcsTaskStatus status) {
    return status == null ? null : status.taskDefinitionArn;
  }
}

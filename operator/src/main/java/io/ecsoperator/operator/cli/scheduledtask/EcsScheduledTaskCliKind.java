package io.ecsoperator.operator.cli.scheduledtask;

import io.ecsoperator.crds.task.EcsScheduledTask;
import io.ecsoperator.crds.task.EcsScheduledTaskSpec;
import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.cli.task.TemplateFileReferences;
import io.ecsoperator.operator.scheduledtask.EcsScheduledTaskAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.cluster.EcsClusterState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.ecsoperator.reconcilers.scheduledtask.ClusterArns;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleState;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleTarget;
import io.ecsoperator.reconcilers.task.BatchedTaskDescriber;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * EcsScheduledTask in the CLI: plan shows the schedule's changes, apply creates or updates it,
 * import writes an existing schedule's manifest. The cluster and task definition come from the
 * files or AWS; the schedule targets the cluster's ARN.
 */
public final class EcsScheduledTaskCliKind
    implements CliKind<EcsScheduledTask, EcsScheduledTaskSpec, ScheduleState>, Importers.Importer {

  private final TaskDefinitionCache definitions = new TaskDefinitionCache();
  private final BatchedTaskDescriber describer = new BatchedTaskDescriber(Duration.ofSeconds(1));

  @Override
  public Class<EcsScheduledTask> resourceType() {
    return EcsScheduledTask.class;
  }

  @Override
  public List<Reference> references() {
    return TemplateFileReferences.REFERENCES;
  }

  @Override
  public List<Reference> references(EcsScheduledTask resource) {
    return TemplateFileReferences.of(resource.getSpec().task);
  }

  @Override
  public String describe(EcsScheduledTask resource) {
    String group = resource.getSpec().groupName;
    return "schedule " + (group == null ? "" : group + "/") + resource.scheduleName();
  }

  @Override
  public ResourceAdapter<EcsScheduledTaskSpec, ScheduleState> adapter(
      AwsClientFactory aws, EcsScheduledTask resource, ResolvedReferences references) {
    TaskTemplate task = resource.getSpec().task;
    String region = resource.getSpec().region;
    String taskDefinition = TemplateFileReferences.taskDefinitionArn(aws, region, task, references);
    return EcsScheduledTaskAdapters.forObject(
        aws,
        definitions,
        describer,
        resource,
        new ScheduleTarget(
            clusterArn(aws, region, task, references),
            taskDefinition,
            TemplateFileReferences.providers(task, references)),
        Clock.systemUTC());
  }

  /**
   * The ARN of the cluster named in the spec or referenced; a referenced cluster that apply would
   * first create (only plan sees this) has none yet: a placeholder that says so stands in.
   */
  private static String clusterArn(
      AwsClientFactory aws, String region, TaskTemplate task, ResolvedReferences references) {
    ResolvedReferences.Target reference = references.get(TemplateFileReferences.CLUSTER_REF);
    if (reference != null && reference.actual() instanceof EcsClusterState cluster) {
      return cluster.arn();
    }
    String name = TemplateFileReferences.clusterName(task, references);
    return ClusterArns.of(aws.forRegion(region), name)
        .orElseGet(
            () -> {
              if (reference == null) {
                throw new TerminalException(
                    "ClusterNotFound", "cluster " + name + " does not exist in AWS");
              }
              return "(ARN of EcsCluster " + name + ")";
            });
  }

  @Override
  public String arn(ScheduleState actual) {
    return actual.arn();
  }

  /** A schedule by {@code name} or {@code group/name} (see {@link ScheduleImporter}). */
  @Override
  public EcsScheduledTask importResource(ImportContext context, String awsName) {
    return ScheduleImporter.importSchedule(context, awsName);
  }
}

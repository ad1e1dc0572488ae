package io.ecsoperator.operator.cli.task;

import io.ecsoperator.crds.task.EcsTask;
import io.ecsoperator.crds.task.EcsTaskSpec;
import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.task.EcsTaskAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.task.BatchedTaskDescriber;
import io.ecsoperator.reconcilers.task.EcsTaskState;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * EcsTask in the CLI: plan shows whether the task would be started, apply runs it and waits until
 * it is Complete or Failed. Without an object UID the tasks are found by a startedBy derived from
 * namespace/name, so applying the same file again finds the task it ran instead of running another;
 * {@code run -f} gives each run a UID of its own. One-off tasks are run, not imported.
 */
public final class EcsTaskCliKind implements CliKind<EcsTask, EcsTaskSpec, EcsTaskState> {

  private final TaskDefinitionCache definitions = new TaskDefinitionCache();

  /** Long enough for one poll of apply to serve every task of the files. */
  private final BatchedTaskDescriber describer = new BatchedTaskDescriber(Duration.ofSeconds(1));

  @Override
  public Class<EcsTask> resourceType() {
    return EcsTask.class;
  }

  @Override
  public List<Reference> references() {
    return TemplateFileReferences.REFERENCES;
  }

  @Override
  public List<Reference> references(EcsTask resource) {
    return TemplateFileReferences.of(resource.getSpec().task);
  }

  @Override
  public String describe(EcsTask resource) {
    return "task " + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  @Override
  public ResourceAdapter<EcsTaskSpec, EcsTaskState> adapter(
      AwsClientFactory aws, EcsTask resource, ResolvedReferences references) {
    TaskTemplate task = resource.getSpec().task;
    String cluster = TemplateFileReferences.clusterName(task, references);
    String taskDefinition =
        TemplateFileReferences.taskDefinitionArn(aws, resource.getSpec().region, task, references);
    var meta = resource.getMetadata();
    return EcsTaskAdapters.forObject(
        aws,
        definitions,
        describer,
        resource,
        new ResourceRef(meta.getNamespace(), meta.getName(), meta.getUid())
            .withAccount(resource.getSpec().awsAccount),
        cluster,
        taskDefinition,
        TemplateFileReferences.providers(task, references),
        Clock.systemUTC());
  }

  @Override
  public String arn(EcsTaskState actual) {
    return actual.attempts().isEmpty() || actual.attempts().get(0).tasks.isEmpty()
        ? null
        : actual.attempts().get(actual.attempts().size() - 1).tasks.get(0).taskArn;
  }
}

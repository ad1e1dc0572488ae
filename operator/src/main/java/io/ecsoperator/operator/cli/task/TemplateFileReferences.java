package io.ecsoperator.operator.cli.task;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.operator.cli.capacityprovider.ProviderReferenceFields;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.cli.kind.TaskDefinitionReference;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import java.util.List;
import java.util.stream.Stream;

/**
 * The references of a task template ({@code spec.task}) in the CLI, shared by EcsTask and
 * EcsScheduledTask: its cluster, task definition and capacity providers, named in the spec or as
 * objects of the files.
 */
public final class TemplateFileReferences {

  public static final String CLUSTER_REF = "task.clusterRef";
  public static final String TASK_DEFINITION_REF = "task.taskDefinitionRef";

  /** The spec fields that name other objects of the files. */
  public static final List<Reference> REFERENCES =
      List.of(
          new Reference(CLUSTER_REF, "EcsCluster"),
          new Reference(TASK_DEFINITION_REF, "EcsTaskDefinition"));

  private TemplateFileReferences() {}

  /** These and the EcsCapacityProvider objects of the template's strategy. */
  public static List<Reference> of(TaskTemplate task) {
    return Stream.concat(
            REFERENCES.stream(),
            ProviderReferenceFields.ofStrategy(
                "task.capacityProviderStrategy", task.capacityProviderStrategy))
        .toList();
  }

  /** The AWS names of the EcsCapacityProvider objects of the template's strategy. */
  public static ProviderNames providers(TaskTemplate task, ResolvedReferences references) {
    return ProviderReferenceFields.names(of(task), references);
  }

  /** The cluster's name: as the spec names it, or of the referenced EcsCluster. */
  public static String clusterName(TaskTemplate task, ResolvedReferences references) {
    return task.cluster != null
        ? task.cluster
        : ((EcsCluster) references.get(CLUSTER_REF).resource()).clusterName();
  }

  /** The revision ARN the template runs (see {@link TaskDefinitionReference#revisionArn}). */
  public static String taskDefinitionArn(
      AwsClientFactory aws, String region, TaskTemplate task, ResolvedReferences references) {
    return TaskDefinitionReference.revisionArn(
        aws, region, task.taskDefinition, references.get(TASK_DEFINITION_REF));
  }
}

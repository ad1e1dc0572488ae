package io.ecsoperator.operator.task;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.operator.controller.DependencyNotReadyException;
import io.ecsoperator.operator.controller.ReadyDependency;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.service.TaskDefinitionRevisions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * The objects and revisions a task template refers to, as the EcsTask and EcsScheduledTask
 * controllers resolve them: a referenced object must exist and be Ready, a task definition named in
 * AWS must have an ACTIVE revision.
 */
public final class TemplateReferences {

  private final KubernetesClient client;
  private final TaskDefinitionRevisions revisions;

  public TemplateReferences(KubernetesClient client) {
    this.client = client;
    this.revisions = new TaskDefinitionRevisions();
  }

  /** The EcsCluster of the template's clusterRef, Ready. */
  public EcsCluster cluster(HasMetadata owner, TaskTemplate task) {
    return referenced(owner, EcsCluster.class, "EcsCluster", task.clusterRef.name);
  }

  /**
   * The revision ARN the template runs: its taskDefinition resolved in AWS (a family: its latest
   * ACTIVE revision), or the current revision of its taskDefinitionRef.
   */
  public String taskDefinitionArn(HasMetadata owner, AwsClients clients, TaskTemplate task) {
    if (task.taskDefinitionRef == null) {
      return revisions
          .revisionArn(clients, task.taskDefinition)
          .orElseThrow(
              () ->
                  new DependencyNotReadyException(
                      "task definition " + task.taskDefinition + " does not exist in AWS"));
    }
    String name = task.taskDefinitionRef.name;
    String arn =
        referenced(owner, EcsTaskDefinition.class, "EcsTaskDefinition", name)
            .getStatus()
            .taskDefinitionArn;
    if (arn == null) {
      throw new DependencyNotReadyException(
          "EcsTaskDefinition " + name + " has no registered revision yet");
    }
    return arn;
  }

  private <D extends CustomResource<?, ? extends ManagedStatus>> D referenced(
      HasMetadata owner, Class<D> type, String kind, String name) {
    return ReadyDependency.require(
        Optional.ofNullable(
            client
                .resources(type)
                .inNamespace(owner.getMetadata().getNamespace())
                .withName(name)
                .get()),
        kind,
        name);
  }
}

package io.ecsoperator.operator.cli.kind;

import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.ecsoperator.reconcilers.service.TaskDefinitionRevisions;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionState;

/** A task definition named in a spec, by value or by a reference to an EcsTaskDefinition. */
public final class TaskDefinitionReference {

  private TaskDefinitionReference() {}

  /**
   * The revision ARN an object (a service, a task) is to run: of {@code taskDefinition}, or of the
   * referenced EcsTaskDefinition. A referenced EcsTaskDefinition that apply would first create or
   * give a new revision (only plan sees this) has no ARN for it yet: a placeholder that says so
   * stands in, which plan shows as the service's change.
   */
  public static String revisionArn(
      AwsClientFactory aws,
      String region,
      String taskDefinition,
      ResolvedReferences.Target reference) {
    if (reference == null) {
      return new TaskDefinitionRevisions()
          .revisionArn(aws.forRegion(region), taskDefinition)
          .orElseThrow(
              () ->
                  new TerminalException(
                      "TaskDefinitionNotFound",
                      "task definition " + taskDefinition + " does not exist in AWS"));
    }
    EcsTaskDefinition target = (EcsTaskDefinition) reference.resource();
    TaskDefinitionState current = (TaskDefinitionState) reference.actual();
    String name =
        "EcsTaskDefinition "
            + target.getMetadata().getNamespace()
            + "/"
            + target.getMetadata().getName();
    if (current != null && !reference.pending().hasAny(ChangeStrategy.NEW_REVISION)) {
      return current.arn();
    }
    if (target.getSpec().observeOnly()) {
      throw new TerminalException(
          "TaskDefinitionNotFound", name + " is observe-only and AWS has no revision of it");
    }
    return "(next revision of " + name + ")";
  }
}

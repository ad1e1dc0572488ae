package io.ecsoperator.operator.taskdefinition;

import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionStatus;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.taskdefinition.EcsTaskDefinitionAdapter;
import io.ecsoperator.reconcilers.taskdefinition.KnownRevisions;
import io.ecsoperator.reconcilers.taskdefinition.RevisionSweep;
import io.ecsoperator.reconcilers.taskdefinition.RevisionsInUse;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionState;

/** Builds the adapter of an EcsTaskDefinition, for the operator and the CLI alike. */
public final class EcsTaskDefinitionAdapters {

  private EcsTaskDefinitionAdapters() {}

  /**
   * An object without status (a new one, or any in the CLI) finds its current revision by its tags.
   *
   * @param revisions the contents of revisions read before (they never change)
   * @param sweep the status and tags of the region's revisions, for drift checks
   * @param fresh true to describe the current revision rather than trust the sweep
   * @param inUse the revisions services run, which pruning keeps
   */
  public static ResourceAdapter<EcsTaskDefinitionSpec, TaskDefinitionState> forObject(
      AwsClientFactory aws,
      TaskDefinitionCache revisions,
      RevisionSweep sweep,
      boolean fresh,
      EcsTaskDefinition resource,
      RevisionsInUse inUse) {
    return new EcsTaskDefinitionAdapter(
        aws, revisions, sweep, fresh, resource.family(), known(resource.getStatus()), inUse);
  }

  /** What earlier reconciles wrote to the status about the object's revisions. */
  static KnownRevisions known(EcsTaskDefinitionStatus status) {
    return status == null
        ? KnownRevisions.NONE
        : new KnownRevisions(status.taskDefinitionArn, status.registeredRevisions);
  }
}

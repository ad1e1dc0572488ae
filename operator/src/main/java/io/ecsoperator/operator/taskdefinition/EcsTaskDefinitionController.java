package io.ecsoperator.operator.taskdefinition;

import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionStatus;
import io.ecsoperator.operator.account.PerAccount;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.taskdefinition.RevisionSweep;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.util.ArrayList;

/**
 * Reconciles EcsTaskDefinition objects. The revisions' contents are cached across reconciles (they
 * never change); their status and tags come from one sweep of the region, shared by the drift
 * checks of all its task definitions; pruning asks the EcsServices of the object's namespace which
 * revisions they run.
 */
@ControllerConfiguration(name = "ecstaskdefinition")
public final class EcsTaskDefinitionController
    extends ManagedResourceController<
        EcsTaskDefinition, EcsTaskDefinitionSpec, EcsTaskDefinitionStatus, TaskDefinitionState> {

  private final KubernetesClient client;
  // Keyed by revision ARN, which names the account: one cache serves every account.
  private final TaskDefinitionCache revisions = new TaskDefinitionCache();
  private final PerAccount<RevisionSweep> sweeps;

  public EcsTaskDefinitionController(ControllerWiring wiring) {
    super(wiring, EcsTaskDefinitionStatus::new);
    this.client = wiring.client();
    // The drift checks of a region come at one instant: a sweep this old still serves them all.
    this.sweeps = new PerAccount<>(aws -> RevisionSweep.on(aws, settings.progressInterval()));
  }

  @Override
  protected ResourceAdapter<EcsTaskDefinitionSpec, TaskDefinitionState> adapter(
      EcsTaskDefinition resource) {
    var aws = aws(resource);
    return EcsTaskDefinitionAdapters.forObject(
        aws,
        revisions,
        sweeps.of(aws),
        !seenBefore(resource),
        resource,
        new EcsServiceRevisions(client, resource.getMetadata().getNamespace()));
  }

  /** The task definitions of a region are checked for drift together: one sweep serves them. */
  @Override
  protected String driftCheckGroup(EcsTaskDefinition resource) {
    return driftCheckGroup(region(resource));
  }

  /** The drift-check group of the task definitions of a region. */
  public static String driftCheckGroup(String region) {
    return "task-definitions/" + region;
  }

  @Override
  protected void copyObserved(TaskDefinitionState actual, EcsTaskDefinitionStatus status) {
    status.revision = actual.revision();
    status.taskDefinitionArn = actual.arn();
    status.registeredRevisions = new ArrayList<>(actual.registeredRevisions());
  }
}

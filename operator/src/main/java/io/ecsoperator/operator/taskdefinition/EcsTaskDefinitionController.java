package io.ecsoperator.operator.taskdefinition;

import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionStatus;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.util.ArrayList;

/**
 * Reconciles EcsTaskDefinition objects. The revisions' contents are cached across reconciles (they
 * never change); pruning asks the EcsServices of the object's namespace which revisions they run.
 */
@ControllerConfiguration(name = "ecstaskdefinition")
public final class EcsTaskDefinitionController
    extends ManagedResourceController<
        EcsTaskDefinition, EcsTaskDefinitionSpec, EcsTaskDefinitionStatus, TaskDefinitionState> {

  private final KubernetesClient client;
  private final TaskDefinitionCache revisions = new TaskDefinitionCache();

  public EcsTaskDefinitionController(ControllerWiring wiring) {
    super(wiring, EcsTaskDefinitionStatus::new);
    this.client = wiring.client();
  }

  @Override
  protected ResourceAdapter<EcsTaskDefinitionSpec, TaskDefinitionState> adapter(
      EcsTaskDefinition resource) {
    return EcsTaskDefinitionAdapters.forObject(
        aws,
        revisions,
        resource,
        new EcsServiceRevisions(client, resource.getMetadata().getNamespace()));
  }

  @Override
  protected void copyObserved(TaskDefinitionState actual, EcsTaskDefinitionStatus status) {
    status.revision = actual.revision();
    status.taskDefinitionArn = actual.arn();
    status.registeredRevisions = new ArrayList<>(actual.registeredRevisions());
  }
}

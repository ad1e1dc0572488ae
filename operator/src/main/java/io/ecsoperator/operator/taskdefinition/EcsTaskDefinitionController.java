package io.ecsoperator.operator.taskdefinition;

import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionStatus;
import io.ecsoperator.operator.OperatorSettings;
import io.ecsoperator.operator.controller.EventRecorder;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.operator.controller.StatusConditions;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.taskdefinition.EcsTaskDefinitionAdapter;
import io.ecsoperator.reconcilers.taskdefinition.KnownRevisions;
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

  private final AwsClientFactory aws;
  private final KubernetesClient client;
  private final TaskDefinitionCache revisions = new TaskDefinitionCache();

  public EcsTaskDefinitionController(
      AwsClientFactory aws,
      KubernetesClient client,
      StatusConditions conditions,
      EventRecorder events,
      OperatorSettings settings) {
    super(conditions, events, settings);
    this.aws = aws;
    this.client = client;
  }

  @Override
  protected ResourceAdapter<EcsTaskDefinitionSpec, TaskDefinitionState> adapter(
      EcsTaskDefinition resource) {
    return new EcsTaskDefinitionAdapter(
        aws,
        revisions,
        resource.family(),
        known(resource.getStatus()),
        new EcsServiceRevisions(client, resource.getMetadata().getNamespace()));
  }

  @Override
  protected EcsTaskDefinitionStatus newStatus() {
    return new EcsTaskDefinitionStatus();
  }

  @Override
  protected void copyObserved(TaskDefinitionState actual, EcsTaskDefinitionStatus status) {
    status.revision = actual.revision();
    status.taskDefinitionArn = actual.arn();
    status.registeredRevisions = new ArrayList<>(actual.registeredRevisions());
  }

  /** What earlier reconciles wrote to the status about the object's revisions. */
  static KnownRevisions known(EcsTaskDefinitionStatus status) {
    return status == null
        ? KnownRevisions.NONE
        : new KnownRevisions(status.taskDefinitionArn, status.registeredRevisions);
  }
}

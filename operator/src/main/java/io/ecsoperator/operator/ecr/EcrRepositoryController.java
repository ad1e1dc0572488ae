package io.ecsoperator.operator.ecr;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.crds.ecr.EcrRepositoryStatus;
import io.ecsoperator.operator.OperatorSettings;
import io.ecsoperator.operator.controller.EventRecorder;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.operator.controller.StatusConditions;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryAdapter;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

/** Reconciles EcrRepository objects. */
@ControllerConfiguration(name = "ecrrepository")
public final class EcrRepositoryController
    extends ManagedResourceController<
        EcrRepository, EcrRepositorySpec, EcrRepositoryStatus, EcrRepositoryState> {

  private final AwsClientFactory aws;

  public EcrRepositoryController(
      AwsClientFactory aws,
      StatusConditions conditions,
      EventRecorder events,
      OperatorSettings settings) {
    super(conditions, events, settings);
    this.aws = aws;
  }

  @Override
  protected ResourceAdapter<EcrRepositorySpec, EcrRepositoryState> adapter(EcrRepository resource) {
    return new EcrRepositoryAdapter(aws, resource.repositoryName());
  }

  @Override
  protected EcrRepositoryStatus newStatus() {
    return new EcrRepositoryStatus();
  }

  @Override
  protected void copyObserved(EcrRepositoryState actual, EcrRepositoryStatus status) {
    status.arn = actual.arn();
    status.repositoryUri = actual.repositoryUri();
    status.registryId = actual.registryId();
  }
}

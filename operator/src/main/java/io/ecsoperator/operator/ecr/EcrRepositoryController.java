package io.ecsoperator.operator.ecr;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.crds.ecr.EcrRepositoryStatus;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

/** Reconciles EcrRepository objects. */
@ControllerConfiguration(name = "ecrrepository")
public final class EcrRepositoryController
    extends ManagedResourceController<
        EcrRepository, EcrRepositorySpec, EcrRepositoryStatus, EcrRepositoryState> {

  public EcrRepositoryController(ControllerWiring wiring) {
    super(wiring, EcrRepositoryStatus::new);
  }

  @Override
  protected ResourceAdapter<EcrRepositorySpec, EcrRepositoryState> adapter(EcrRepository resource) {
    return EcrRepositoryAdapters.forObject(aws(resource), resource);
  }

  @Override
  protected void copyObserved(EcrRepositoryState actual, EcrRepositoryStatus status) {
    status.arn = actual.arn();
    status.repositoryUri = actual.repositoryUri();
    status.registryId = actual.registryId();
  }
}

package io.ecsoperator.operator.creationtemplate;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplate;
import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateStatus;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.reconcilers.creationtemplate.EcrRepositoryCreationTemplateState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

/** Reconciles EcrRepositoryCreationTemplate objects. */
@ControllerConfiguration(name = "ecrrepositorycreationtemplate")
public final class EcrRepositoryCreationTemplateController
    extends ManagedResourceController<
        EcrRepositoryCreationTemplate,
        EcrRepositoryCreationTemplateSpec,
        EcrRepositoryCreationTemplateStatus,
        EcrRepositoryCreationTemplateState> {

  public EcrRepositoryCreationTemplateController(ControllerWiring wiring) {
    super(wiring, EcrRepositoryCreationTemplateStatus::new);
  }

  @Override
  protected ResourceAdapter<EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateState>
      adapter(EcrRepositoryCreationTemplate resource) {
    return EcrRepositoryCreationTemplateAdapters.forObject(aws(resource), resource);
  }

  @Override
  protected void copyObserved(
      EcrRepositoryCreationTemplateState actual, EcrRepositoryCreationTemplateStatus status) {
    status.createdAt = actual.claimedCreatedAt();
    status.registryId = actual.registryId();
  }
}

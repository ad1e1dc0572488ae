package io.ecsoperator.operator.registryscanning;

import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfiguration;
import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfigurationSpec;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.RegistrySettingController;
import io.ecsoperator.reconcilers.registryscanning.EcrRegistryScanningConfigurationAdapter;
import io.ecsoperator.reconcilers.registryscanning.ScanningSettings;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

/** Reconciles EcrRegistryScanningConfiguration objects. */
@ControllerConfiguration(name = "ecrregistryscanningconfiguration")
public final class EcrRegistryScanningConfigurationController
    extends RegistrySettingController<
        EcrRegistryScanningConfiguration, EcrRegistryScanningConfigurationSpec, ScanningSettings> {

  public EcrRegistryScanningConfigurationController(ControllerWiring wiring) {
    super(wiring);
  }

  @Override
  protected EcrRegistryScanningConfigurationAdapter adapter(
      EcrRegistryScanningConfiguration resource) {
    return EcrRegistryScanningConfigurationAdapters.forObject(aws(resource), resource);
  }
}

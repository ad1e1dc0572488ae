package io.ecsoperator.operator.registryscanning;

import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfiguration;
import io.ecsoperator.operator.controller.RegistrySettingController;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.registryscanning.EcrRegistryScanningConfigurationAdapter;

/**
 * Builds the adapter of an EcrRegistryScanningConfiguration, for the operator and the CLI alike.
 */
public final class EcrRegistryScanningConfigurationAdapters {

  private EcrRegistryScanningConfigurationAdapters() {}

  public static EcrRegistryScanningConfigurationAdapter forObject(
      AwsClientFactory aws, EcrRegistryScanningConfiguration resource) {
    return new EcrRegistryScanningConfigurationAdapter(
        aws, RegistrySettingController.owns(resource));
  }
}

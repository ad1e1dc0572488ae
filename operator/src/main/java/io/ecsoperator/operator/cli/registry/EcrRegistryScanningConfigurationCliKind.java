package io.ecsoperator.operator.cli.registry;

import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfiguration;
import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfigurationSpec;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.registryscanning.EcrRegistryScanningConfigurationAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.registry.RegistrySetting;
import io.ecsoperator.reconcilers.registryscanning.EcrRegistryScanningConfigurationAdapter;
import io.ecsoperator.reconcilers.registryscanning.ScanningSettings;

/** EcrRegistryScanningConfiguration in the CLI. */
public final class EcrRegistryScanningConfigurationCliKind
    extends RegistrySettingCliKind<
        EcrRegistryScanningConfiguration, EcrRegistryScanningConfigurationSpec, ScanningSettings> {

  @Override
  public Class<EcrRegistryScanningConfiguration> resourceType() {
    return EcrRegistryScanningConfiguration.class;
  }

  @Override
  public ResourceAdapter<EcrRegistryScanningConfigurationSpec, RegistrySetting<ScanningSettings>>
      adapter(
          AwsClientFactory aws,
          EcrRegistryScanningConfiguration resource,
          ResolvedReferences references) {
    return EcrRegistryScanningConfigurationAdapters.forObject(aws, resource);
  }

  @Override
  protected String settingName() {
    return "scanning configuration";
  }

  @Override
  protected RegistrySetting<ScanningSettings> read(AwsClients clients) {
    return EcrRegistryScanningConfigurationAdapter.readFrom(clients);
  }

  @Override
  protected boolean isDefault(ScanningSettings configuration) {
    return configuration.isDefault();
  }

  @Override
  protected EcrRegistryScanningConfigurationSpec spec(ScanningSettings configuration) {
    return configuration.toSpec();
  }

  @Override
  protected EcrRegistryScanningConfiguration newResource() {
    return new EcrRegistryScanningConfiguration();
  }
}

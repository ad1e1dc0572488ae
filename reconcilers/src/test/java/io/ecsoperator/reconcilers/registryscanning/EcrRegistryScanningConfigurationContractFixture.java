package io.ecsoperator.reconcilers.registryscanning;

import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfigurationSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.registry.RegistrySetting;
import io.ecsoperator.reconcilers.registry.RegistrySettingFixture;
import java.util.Map;

/** The registry's scanning: BASIC with scan on push for every repository. */
public final class EcrRegistryScanningConfigurationContractFixture
    extends RegistrySettingFixture<EcrRegistryScanningConfigurationSpec, ScanningSettings> {

  @Override
  public Class<EcrRegistryScanningConfigurationSpec> specClass() {
    return EcrRegistryScanningConfigurationSpec.class;
  }

  /** Without the tag the other fixtures carry: registry settings have none. */
  @Override
  public String specYaml(String region) {
    return """
        region: %s
        scanType: BASIC
        rules:
          - scanFrequency: SCAN_ON_PUSH
            repositoryFilters: [{filter: "*"}]
        """
        .formatted(region);
  }

  @Override
  public ResourceAdapter<EcrRegistryScanningConfigurationSpec, RegistrySetting<ScanningSettings>>
      adapter(AwsClientFactory aws) {
    return new EcrRegistryScanningConfigurationAdapter(aws, false);
  }

  @Override
  public void createOutsideTheOperator(AwsClients aws, Map<String, String> tags) {
    aws.ecr()
        .putRegistryScanningConfiguration(
            r ->
                r.scanType("BASIC")
                    .rules(
                        rule ->
                            rule.scanFrequency("SCAN_ON_PUSH")
                                .repositoryFilters(
                                    f -> f.filter("prod-*").filterType("WILDCARD"))));
  }

  @Override
  protected boolean isDefaultInAws(AwsClients aws) {
    return EcrRegistryScanningConfigurationAdapter.readFrom(aws).configuration().isDefault();
  }
}

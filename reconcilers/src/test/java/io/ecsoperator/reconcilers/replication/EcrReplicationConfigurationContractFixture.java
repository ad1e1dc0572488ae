package io.ecsoperator.reconcilers.replication;

import io.ecsoperator.crds.replication.EcrReplicationConfigurationSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.registry.RegistrySetting;
import io.ecsoperator.reconcilers.registry.RegistrySettingFixture;
import io.ecsoperator.testsupport.RegistrySettingsInAws;
import java.util.List;
import java.util.Map;

/** The registry's replication: one rule to another account's registry (never the source). */
public final class EcrReplicationConfigurationContractFixture
    extends RegistrySettingFixture<EcrReplicationConfigurationSpec, List<ReplicationRules.Rule>> {

  @Override
  public Class<EcrReplicationConfigurationSpec> specClass() {
    return EcrReplicationConfigurationSpec.class;
  }

  /** Without the tag the other fixtures carry: registry settings have none. */
  @Override
  public String specYaml(String region) {
    return """
        region: %s
        rules:
          - destinations: [{region: eu-central-1, registryId: "210987654321"}]
            repositoryFilters: [{filter: prod}]
        """
        .formatted(region);
  }

  @Override
  public ResourceAdapter<
          EcrReplicationConfigurationSpec, RegistrySetting<List<ReplicationRules.Rule>>>
      adapter(AwsClientFactory aws) {
    return new EcrReplicationConfigurationAdapter(aws, false);
  }

  @Override
  public void createOutsideTheOperator(AwsClients aws, Map<String, String> tags) {
    RegistrySettingsInAws.replicate(aws.ecr(), "eu-central-1", "210987654321", "shop");
  }

  @Override
  protected boolean isDefaultInAws(AwsClients aws) {
    return EcrReplicationConfigurationAdapter.readFrom(aws).configuration().isEmpty();
  }
}

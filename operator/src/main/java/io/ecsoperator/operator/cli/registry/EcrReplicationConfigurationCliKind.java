package io.ecsoperator.operator.cli.registry;

import io.ecsoperator.crds.replication.EcrReplicationConfiguration;
import io.ecsoperator.crds.replication.EcrReplicationConfigurationSpec;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.replication.EcrReplicationConfigurationAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.registry.RegistrySetting;
import io.ecsoperator.reconcilers.replication.EcrReplicationConfigurationAdapter;
import io.ecsoperator.reconcilers.replication.ReplicationRules;
import java.util.List;

/** EcrReplicationConfiguration in the CLI. */
public final class EcrReplicationConfigurationCliKind
    extends RegistrySettingCliKind<
        EcrReplicationConfiguration, EcrReplicationConfigurationSpec, List<ReplicationRules.Rule>> {

  @Override
  public Class<EcrReplicationConfiguration> resourceType() {
    return EcrReplicationConfiguration.class;
  }

  @Override
  public ResourceAdapter<
          EcrReplicationConfigurationSpec, RegistrySetting<List<ReplicationRules.Rule>>>
      adapter(
          AwsClientFactory aws,
          EcrReplicationConfiguration resource,
          ResolvedReferences references) {
    return EcrReplicationConfigurationAdapters.forObject(aws, resource);
  }

  @Override
  protected String settingName() {
    return "replication configuration";
  }

  @Override
  protected RegistrySetting<List<ReplicationRules.Rule>> read(AwsClients clients) {
    return EcrReplicationConfigurationAdapter.readFrom(clients);
  }

  @Override
  protected boolean isDefault(List<ReplicationRules.Rule> configuration) {
    return configuration.isEmpty();
  }

  @Override
  protected EcrReplicationConfigurationSpec spec(List<ReplicationRules.Rule> configuration) {
    EcrReplicationConfigurationSpec spec = new EcrReplicationConfigurationSpec();
    spec.rules = ReplicationRules.toSpec(configuration);
    return spec;
  }

  @Override
  protected EcrReplicationConfiguration newResource() {
    return new EcrReplicationConfiguration();
  }
}

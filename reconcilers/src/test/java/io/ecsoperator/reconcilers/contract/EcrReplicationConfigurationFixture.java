package io.ecsoperator.reconcilers.contract;

import io.ecsoperator.crds.replication.EcrReplicationConfigurationSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.registry.RegistrySetting;
import io.ecsoperator.reconcilers.replication.EcrReplicationConfigurationAdapter;
import io.ecsoperator.reconcilers.replication.ReplicationRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry's replication: one rule to another account's registry (never the source). */
final class EcrReplicationConfigurationFixture
    implements KindFixture<
        EcrReplicationConfigurationSpec, RegistrySetting<List<ReplicationRules.Rule>>> {

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
    aws.ecr()
        .putReplicationConfiguration(
            r ->
                r.replicationConfiguration(
                    c ->
                        c.rules(
                            rule ->
                                rule.destinations(
                                        d -> d.region("eu-central-1").registryId("210987654321"))
                                    .repositoryFilters(
                                        f -> f.filter("prod").filterType("PREFIX_MATCH")))));
  }

  /** No tags ever: present (empty) while the setting is not AWS's default. */
  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients aws) {
    return EcrReplicationConfigurationAdapter.readFrom(aws).configuration().isEmpty()
        ? Optional.empty()
        : Optional.of(Map.of());
  }

  @Override
  public boolean createCanFindTheNameTaken() {
    return false;
  }

  @Override
  public boolean carriesOwnerTags() {
    return false;
  }
}

package io.ecsoperator.reconcilers.replication;

import io.ecsoperator.crds.replication.EcrReplicationConfigurationSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.registry.RegistrySetting;
import io.ecsoperator.reconcilers.registry.RegistrySettingAdapter;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.DescribeRegistryResponse;
import software.amazon.awssdk.services.ecr.model.ReplicationDestination;
import software.amazon.awssdk.services.ecr.model.ReplicationRule;
import software.amazon.awssdk.services.ecr.model.RepositoryFilter;
import software.amazon.awssdk.services.ecr.model.RepositoryFilterType;

/**
 * The registry's replication configuration: DescribeRegistry reads it, PutReplicationConfiguration
 * replaces it; AWS's default is no rules.
 */
public final class EcrReplicationConfigurationAdapter
    extends RegistrySettingAdapter<EcrReplicationConfigurationSpec, List<ReplicationRules.Rule>> {

  public EcrReplicationConfigurationAdapter(AwsClientFactory aws, boolean owned) {
    super(aws, owned);
  }

  /** The registry's replication rules, normalized. */
  public static RegistrySetting<List<ReplicationRules.Rule>> readFrom(AwsClients clients) {
    DescribeRegistryResponse registry = clients.ecrRead(ecr -> ecr.describeRegistry(r -> {}));
    return new RegistrySetting<>(registry.registryId(), ReplicationRules.described(registry));
  }

  /** The difference between the spec and the rules AWS has (pure). */
  public static ChangeSet diffRules(
      EcrReplicationConfigurationSpec spec, List<ReplicationRules.Rule> actual) {
    return ChangeSet.builder()
        .compare("rules", ReplicationRules.declared(spec.rules), actual, ChangeStrategy.IN_PLACE)
        .build();
  }

  @Override
  protected RegistrySetting<List<ReplicationRules.Rule>> read(AwsClients clients) {
    return readFrom(clients);
  }

  @Override
  protected ChangeSet diff(
      EcrReplicationConfigurationSpec spec, List<ReplicationRules.Rule> actual) {
    return diffRules(spec, actual);
  }

  @Override
  protected boolean isDefault(List<ReplicationRules.Rule> configuration) {
    return configuration.isEmpty();
  }

  @Override
  protected void put(AwsClients clients, EcrReplicationConfigurationSpec spec) {
    write(clients, spec.rules == null ? List.of() : spec.rules.stream().map(r -> rule(r)).toList());
  }

  @Override
  protected void reset(AwsClients clients) {
    write(clients, List.of());
  }

  private static void write(AwsClients clients, List<ReplicationRule> rules) {
    clients.ecrModify(
        ecr ->
            ecr.putReplicationConfiguration(r -> r.replicationConfiguration(c -> c.rules(rules))));
  }

  private static ReplicationRule rule(io.ecsoperator.crds.replication.ReplicationRule declared) {
    ReplicationRule.Builder rule =
        ReplicationRule.builder()
            .destinations(
                declared.destinations.stream()
                    .map(
                        d ->
                            ReplicationDestination.builder()
                                .region(d.region)
                                .registryId(d.registryId)
                                .build())
                    .toList());
    if (declared.repositoryFilters != null) {
      rule.repositoryFilters(
          declared.repositoryFilters.stream()
              .map(
                  f ->
                      RepositoryFilter.builder()
                          .filter(f.filter)
                          .filterType(RepositoryFilterType.PREFIX_MATCH)
                          .build())
              .toList());
    }
    return rule.build();
  }
}

package io.ecsoperator.reconcilers.registryscanning;

import io.ecsoperator.crds.registryscanning.EcrRegistryScanningConfigurationSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.registry.RegistrySetting;
import io.ecsoperator.reconcilers.registry.RegistrySettingAdapter;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.GetRegistryScanningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.RegistryScanningRule;
import software.amazon.awssdk.services.ecr.model.ScanningRepositoryFilter;
import software.amazon.awssdk.services.ecr.model.ScanningRepositoryFilterType;

/**
 * The registry's scanning configuration: GetRegistryScanningConfiguration reads it,
 * PutRegistryScanningConfiguration replaces it; AWS's default is BASIC with no rules.
 */
public final class EcrRegistryScanningConfigurationAdapter
    extends RegistrySettingAdapter<EcrRegistryScanningConfigurationSpec, ScanningSettings> {

  public EcrRegistryScanningConfigurationAdapter(AwsClientFactory aws, boolean owned) {
    super(aws, owned);
  }

  /** The registry's scanning configuration, normalized. */
  public static RegistrySetting<ScanningSettings> readFrom(AwsClients clients) {
    GetRegistryScanningConfigurationResponse answer =
        clients.ecrRead(ecr -> ecr.getRegistryScanningConfiguration(r -> {}));
    return new RegistrySetting<>(
        answer.registryId(), ScanningSettings.described(answer.scanningConfiguration()));
  }

  /** The difference between the spec and the configuration AWS has (pure). */
  public static ChangeSet diffSettings(
      EcrRegistryScanningConfigurationSpec spec, ScanningSettings actual) {
    ScanningSettings desired = ScanningSettings.declared(spec);
    return ChangeSet.builder()
        .compare("scanType", desired.scanType(), actual.scanType(), ChangeStrategy.IN_PLACE)
        .compare("rules", desired.rules(), actual.rules(), ChangeStrategy.IN_PLACE)
        .build();
  }

  @Override
  protected RegistrySetting<ScanningSettings> read(AwsClients clients) {
    return readFrom(clients);
  }

  @Override
  protected ChangeSet diff(EcrRegistryScanningConfigurationSpec spec, ScanningSettings actual) {
    return diffSettings(spec, actual);
  }

  @Override
  protected boolean isDefault(ScanningSettings configuration) {
    return configuration.isDefault();
  }

  @Override
  protected void put(AwsClients clients, EcrRegistryScanningConfigurationSpec spec) {
    write(clients, ScanningSettings.declared(spec));
  }

  @Override
  protected void reset(AwsClients clients) {
    write(clients, ScanningSettings.DEFAULT);
  }

  private static void write(AwsClients clients, ScanningSettings settings) {
    List<RegistryScanningRule> rules =
        settings.rules().stream()
            .map(
                r ->
                    RegistryScanningRule.builder()
                        .scanFrequency(r.scanFrequency())
                        .repositoryFilters(
                            r.filters().stream()
                                .map(
                                    f ->
                                        ScanningRepositoryFilter.builder()
                                            .filter(f)
                                            .filterType(ScanningRepositoryFilterType.WILDCARD)
                                            .build())
                                .toList())
                        .build())
            .toList();
    clients.ecrModify(
        ecr ->
            ecr.putRegistryScanningConfiguration(
                r -> r.scanType(settings.scanType()).rules(rules)));
  }
}

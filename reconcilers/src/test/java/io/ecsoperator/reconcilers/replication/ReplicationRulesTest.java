package io.ecsoperator.reconcilers.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.replication.EcrReplicationConfigurationSpec;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.registry.RegistryFixtures;
import io.ecsoperator.testsupport.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replication diff against real DescribeRegistry answers. */
class ReplicationRulesTest {

  private static final String TWO_RULES =
      """
      rules:
        - destinations:
            - {region: ap-southeast-1, registryId: "123456789012"}
        - repositoryFilters:
            - {filter: team/web}
            - {filter: prod, filterType: PREFIX_MATCH}
          destinations:
            - {region: eu-west-1, registryId: "210987654321"}
            - {region: us-west-2, registryId: "123456789012"}
      """;

  @Test
  void rulesInAnotherOrderWithDefaultedFilterTypesAreInSync() {
    assertThat(diff(TWO_RULES, "describe-registry-two-rules.json")).isEmpty();
  }

  @Test
  void noRulesMatchAFreshRegistryWhetherAwsAnswersAnEmptyListOrNothing() {
    assertThat(diff("rules: []", "describe-registry-default.json")).isEmpty();
    assertThat(diff("rules: []", "describe-registry-never-configured.json")).isEmpty();
    assertThat(
            ReplicationRules.described(
                RegistryFixtures.describeRegistry("describe-registry-never-configured.json")))
        .isEmpty();
  }

  @Test
  void aChangedDestinationIsOneChangeOfTheRulesWithBothSides() {
    List<FieldChange> changes =
        diff(
            TWO_RULES.replace("ap-southeast-1", "ap-northeast-1"),
            "describe-registry-two-rules.json");

    assertThat(changes).extracting(FieldChange::path).containsExactly("rules");
    assertThat(changes.get(0).desired().toString()).contains("ap-northeast-1/123456789012");
    assertThat(changes.get(0).actual().toString()).contains("ap-southeast-1/123456789012");
  }

  @Test
  void aRuleForAllRepositoriesDiffersFromAFilteredOne() {
    String unfiltered =
        """
        rules:
          - destinations:
              - {region: ap-southeast-1, registryId: "123456789012"}
          - destinations:
              - {region: eu-west-1, registryId: "210987654321"}
              - {region: us-west-2, registryId: "123456789012"}
        """;

    assertThat(diff(unfiltered, "describe-registry-two-rules.json")).hasSize(1);
  }

  @Test
  void importedRulesDeclareWhatAwsHas() {
    List<ReplicationRules.Rule> described =
        ReplicationRules.described(
            RegistryFixtures.describeRegistry("describe-registry-two-rules.json"));
    EcrReplicationConfigurationSpec spec = new EcrReplicationConfigurationSpec();
    spec.rules = ReplicationRules.toSpec(described);

    assertThat(EcrReplicationConfigurationAdapter.diffRules(spec, described).isEmpty()).isTrue();
    assertThat(spec.rules.get(0).repositoryFilters).isNull();
  }

  private static List<FieldChange> diff(String specYaml, String fixture) {
    EcrReplicationConfigurationSpec spec =
        Specs.parse(specYaml, EcrReplicationConfigurationSpec.class);
    return EcrReplicationConfigurationAdapter.diffRules(
            spec, ReplicationRules.described(RegistryFixtures.describeRegistry(fixture)))
        .changes();
  }
}

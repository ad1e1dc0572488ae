package io.ecsoperator.operator.registry;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Admission of EcrReplicationConfiguration manifests by the real API server with the chart's CRDs:
 * the limits of API_ReplicationConfiguration, API_ReplicationRule, API_ReplicationDestination and
 * API_RepositoryFilter, refused naming the field.
 */
class EcrReplicationConfigurationValidationIT extends ManifestValidation {

  private static final String DESTINATION = "{region: eu-west-1, registryId: \"123456789012\"}";

  EcrReplicationConfigurationValidationIT() {
    super(
        "EcrReplicationConfiguration",
        "ecrreplicationconfigurations",
        "replication-validation",
        "replication");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid("no rules field", "{}", "spec.rules", "Required value"),
        invalid(
            "11 rules",
            "rules:\n" + ("  - destinations: [" + DESTINATION + "]\n").repeat(11),
            "spec.rules",
            "must have at most 10 items"),
        invalid(
            "a rule without destinations",
            "rules: [{repositoryFilters: [{filter: prod}]}]",
            "spec.rules[0].destinations",
            "Required value"),
        invalid(
            "a destination twice in a rule",
            "rules: [{destinations: [" + DESTINATION + ", " + DESTINATION + "]}]",
            "spec.rules[0].destinations",
            "each destination may appear once in a rule"),
        invalid(
            "a registryId that is no account ID",
            "rules: [{destinations: [{region: eu-west-1, registryId: \"12345678901a\"}]}]",
            "spec.rules[0].destinations[0].registryId",
            "should match"),
        invalid(
            "a region with upper case letters",
            "rules: [{destinations: [{region: EU-WEST-1, registryId: \"123456789012\"}]}]",
            "spec.rules[0].destinations[0].region",
            "should match"),
        invalid(
            "an empty filter list",
            "rules: [{destinations: [" + DESTINATION + "], repositoryFilters: []}]",
            "spec.rules[0].repositoryFilters",
            "at least 1 items"),
        invalid(
            "a one-character prefix",
            "rules: [{destinations: [" + DESTINATION + "], repositoryFilters: [{filter: p}]}]",
            "spec.rules[0].repositoryFilters[0].filter",
            "at least 2 chars long"),
        invalid(
            "a wildcard filter",
            "rules: [{destinations: ["
                + DESTINATION
                + "], repositoryFilters: [{filter: prod, filterType: WILDCARD}]}]",
            "spec.rules[0].repositoryFilters[0].filterType",
            "Unsupported value: \"WILDCARD\""),
        invalid(
            "tags", "rules: []\ntags: {team: web}", "spec.tags", "registry settings have no tags"));
  }

  static Stream<Arguments> validManifests() {
    return Stream.of(
        Arguments.of("no replication", "rules: []"),
        Arguments.of(
            "10 rules with filters",
            "rules:\n"
                + ("  - destinations: ["
                        + DESTINATION
                        + ", {region: us-east-2, registryId: \"210987654321\"}]\n"
                        + "    repositoryFilters: [{filter: team/web}, {filter: prod,"
                        + " filterType: PREFIX_MATCH}]\n")
                    .repeat(10)));
  }

  @Test
  void theRegionCannotChange() {
    assertChangeRefused(
        "region: eu-west-1\nrules: []", "region: eu-central-1\nrules: []", "region is immutable");
  }
}

package io.ecsoperator.operator.replication;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/**
 * The EcrReplicationConfiguration cases of {@link ValidationCases}: its schema's checks and one
 * case per CEL rule.
 */
public final class EcrReplicationConfigurationValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
        new Case(
            "EcrReplicationConfiguration",
            "replication",
            "rules: []\ntags: {team: web}",
            "spec.tags",
            "registry settings have no tags"),
        new Case(
            "EcrReplicationConfiguration",
            "replication",
            "rules: [{destinations: [{region: eu-west-1, registryId: \"123456789012\"},"
                + " {region: eu-west-1, registryId: \"123456789012\"}]}]",
            "spec.rules[0].destinations",
            "each destination may appear once in a rule"));
  }
}

package io.ecsoperator.testsupport;

import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ReplicationRule;

/** Registry settings written straight to AWS, as a user would outside the operator. */
public final class RegistrySettingsInAws {

  private RegistrySettingsInAws() {}

  /**
   * Replaces the registry's replication with one rule to that registry.
   *
   * @param prefix the rule's one repository prefix; null for every repository
   */
  public static void replicate(EcrClient ecr, String region, String registryId, String prefix) {
    ReplicationRule.Builder rule =
        ReplicationRule.builder().destinations(d -> d.region(region).registryId(registryId));
    if (prefix != null) {
      rule.repositoryFilters(f -> f.filter(prefix).filterType("PREFIX_MATCH"));
    }
    ecr.putReplicationConfiguration(
        r -> r.replicationConfiguration(c -> c.rules(List.of(rule.build()))));
  }
}

package io.ecsoperator.reconcilers.replication;

import io.ecsoperator.crds.replication.ReplicationDestination;
import io.ecsoperator.crds.replication.ReplicationRule;
import io.ecsoperator.crds.replication.RepositoryFilter;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.DescribeRegistryResponse;
import software.amazon.awssdk.services.ecr.model.ReplicationConfiguration;

/**
 * Replication rules in one normalized form for the spec and for DescribeRegistry: destinations and
 * prefixes sorted, rules sorted (AWS applies every rule that matches, so their order means
 * nothing), no filters equal to an empty list. PREFIX_MATCH is the only filter type, so a filter is
 * its prefix.
 */
public final class ReplicationRules {

  /**
   * One rule.
   *
   * @param destinations "region/registryId", sorted
   * @param prefixes repository name prefixes, sorted; empty for every repository
   */
  public record Rule(List<String> destinations, List<String> prefixes) {}

  private static final Comparator<Rule> ORDER = Comparator.comparing(Rule::toString);

  private ReplicationRules() {}

  /** The rules the spec declares. */
  public static List<Rule> declared(List<ReplicationRule> rules) {
    return rules == null
        ? List.of()
        : rules.stream()
            .map(
                r ->
                    rule(
                        r.destinations.stream().map(ReplicationRules::destination).toList(),
                        r.repositoryFilters == null
                            ? List.of()
                            : r.repositoryFilters.stream().map(f -> f.filter).toList()))
            .sorted(ORDER)
            .toList();
  }

  /** The rules of a DescribeRegistry answer; none when it has no replication configuration. */
  public static List<Rule> described(DescribeRegistryResponse registry) {
    ReplicationConfiguration configuration = registry.replicationConfiguration();
    return configuration == null
        ? List.of()
        : configuration.rules().stream()
            .map(
                r ->
                    rule(
                        r.destinations().stream()
                            .map(d -> d.region() + "/" + d.registryId())
                            .toList(),
                        r.repositoryFilters().stream().map(f -> f.filter()).toList()))
            .sorted(ORDER)
            .toList();
  }

  /** The spec's rules that declare these normalized ones (for import). */
  public static List<ReplicationRule> toSpec(List<Rule> rules) {
    return rules.stream().map(ReplicationRules::specRule).toList();
  }

  private static ReplicationRule specRule(Rule rule) {
    ReplicationRule declared = new ReplicationRule();
    declared.destinations =
        rule.destinations().stream()
            .map(
                d -> {
                  ReplicationDestination destination = new ReplicationDestination();
                  destination.region = d.substring(0, d.indexOf('/'));
                  destination.registryId = d.substring(d.indexOf('/') + 1);
                  return destination;
                })
            .toList();
    if (!rule.prefixes().isEmpty()) {
      declared.repositoryFilters =
          rule.prefixes().stream()
              .map(
                  p -> {
                    RepositoryFilter filter = new RepositoryFilter();
                    filter.filter = p;
                    return filter;
                  })
              .toList();
    }
    return declared;
  }

  private static Rule rule(List<String> destinations, List<String> prefixes) {
    return new Rule(
        destinations.stream().sorted().toList(), prefixes.stream().sorted().distinct().toList());
  }

  private static String destination(ReplicationDestination destination) {
    return destination.region + "/" + destination.registryId;
  }
}

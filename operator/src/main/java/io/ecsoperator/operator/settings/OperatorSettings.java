package io.ecsoperator.operator.settings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code run} lets an administrator tune.
 *
 * @param resyncInterval how often each object is compared with AWS to correct drift
 * @param progressInterval how soon work in progress (a rollout, a deletion) is checked again
 * @param namespaces namespaces to watch; empty for all
 * @param concurrency reconciles running at once
 * @param leaderElection the Lease that elects the one replica that reconciles; empty when a single
 *     replica runs without election
 * @param sharding which objects this operator reconciles of those in its namespaces, and its part
 *     of the AWS rates
 * @param installation this operator installation's identity, recorded in the ownership tags of the
 *     AWS resources it manages; null for none
 */
public record OperatorSettings(
    Duration resyncInterval,
    Duration progressInterval,
    List<String> namespaces,
    int concurrency,
    Optional<LeaderElection> leaderElection,
    Sharding sharding,
    String installation) {

  /**
   * A Lease in coordination.k8s.io held by the leader.
   *
   * @param identity this replica's name in the Lease's holderIdentity; unique per process
   */
  public record LeaderElection(String leaseName, String leaseNamespace, String identity) {}

  public OperatorSettings {
    namespaces = List.copyOf(namespaces);
  }

  /** Without leader election. */
  public OperatorSettings(
      Duration resyncInterval,
      Duration progressInterval,
      List<String> namespaces,
      int concurrency) {
    this(
        resyncInterval,
        progressInterval,
        namespaces,
        concurrency,
        Optional.empty(),
        Sharding.UNSHARDED,
        null);
  }

  public static OperatorSettings defaults() {
    return new OperatorSettings(Duration.ofMinutes(10), Duration.ofSeconds(10), List.of(), 10);
  }

  public OperatorSettings withResyncInterval(Duration interval) {
    return new OperatorSettings(
        interval,
        progressInterval,
        namespaces,
        concurrency,
        leaderElection,
        sharding,
        installation);
  }

  public OperatorSettings withLeaderElection(LeaderElection election) {
    return new OperatorSettings(
        resyncInterval,
        progressInterval,
        namespaces,
        concurrency,
        Optional.of(election),
        sharding,
        installation);
  }

  public OperatorSettings withInstallation(String identity) {
    return new OperatorSettings(
        resyncInterval,
        progressInterval,
        namespaces,
        concurrency,
        leaderElection,
        sharding,
        identity);
  }

  public OperatorSettings withSharding(Sharding newSharding) {
    return new OperatorSettings(
        resyncInterval,
        progressInterval,
        namespaces,
        concurrency,
        leaderElection,
        newSharding,
        installation);
  }
}

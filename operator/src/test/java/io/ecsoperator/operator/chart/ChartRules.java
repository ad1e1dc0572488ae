package io.ecsoperator.operator.chart;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions the chart must grant the operator, and nothing more (see the chart README for why
 * each is needed). The tests compare rendered and live RBAC with these.
 */
final class ChartRules {

  static final Set<String> PLURALS =
      Set.of(
          "ecrrepositories",
          "ecrpullthroughcacherules",
          "ecrrepositorycreationtemplates",
          "ecsclusters",
          "ecscapacityproviders",
          "ecstaskdefinitions",
          "ecsservices",
          "ecstasks",
          "ecsscheduledtasks",
          "ecrreplicationconfigurations",
          "ecrregistryscanningconfigurations");

  private ChartRules() {}

  /**
   * In each watched namespace (or cluster-wide): the kinds, their status, deleting finished
   * EcsTasks, events.
   */
  static Set<String> kindPermissions() {
    Set<String> lines = new TreeSet<>();
    for (String plural : PLURALS) {
      for (String verb : new String[] {"get", "list", "watch", "patch"}) {
        lines.add("ecsoperator.io " + plural + " " + verb);
      }
      lines.add("ecsoperator.io " + plural + "/status patch");
    }
    // ttlSecondsAfterFinished: a finished EcsTask deletes itself, as a finished Job does.
    lines.add("ecsoperator.io ecstasks delete");
    lines.add(" events create");
    lines.add(" events patch");
    return lines;
  }

  /** Cluster-wide with {@code installation: auto}: reading the kube-system namespace's UID. */
  static Set<String> installationPermissions() {
    return Set.of(" namespaces get [kube-system]");
  }

  /**
   * Cluster-wide in every mode: reading AwsAccounts and writing their status, and reading
   * namespaces for their account bindings.
   */
  static Set<String> accountPermissions() {
    Set<String> lines = new TreeSet<>();
    for (String verb : new String[] {"get", "list", "watch"}) {
      lines.add("ecsoperator.io awsaccounts " + verb);
      lines.add(" namespaces " + verb);
    }
    lines.add("ecsoperator.io awsaccounts/status patch");
    return lines;
  }

  /** In the release namespace: the leader election Leases (one per shard). */
  static Set<String> leasePermissions(String... leaseNames) {
    Set<String> lines = new TreeSet<>();
    lines.add("coordination.k8s.io leases create");
    for (String verb : new String[] {"get", "update", "patch"}) {
      lines.add("coordination.k8s.io leases " + verb + " " + List.of(leaseNames));
    }
    return lines;
  }
}

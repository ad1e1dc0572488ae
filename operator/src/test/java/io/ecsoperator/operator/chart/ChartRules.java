package io.ecsoperator.operator.chart;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.testsupport.TestClasses;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions the chart must grant the operator, and nothing more (see the chart README for why
 * each is needed). The tests compare rendered and live RBAC with these. The kinds are the custom
 * resources of the crds module, while the chart reads them from its CRD files: the two must agree.
 */
final class ChartRules {

  private ChartRules() {}

  /** The plurals of the operator's kinds that are namespaced, or cluster-scoped. */
  static Set<String> plurals(boolean namespaced) {
    Set<String> plurals = new TreeSet<>();
    for (Class<?> type : TestClasses.classesBeside(EcrRepository.class, "")) {
      if (CustomResource.class.isAssignableFrom(type)
          && Namespaced.class.isAssignableFrom(type) == namespaced) {
        plurals.add(HasMetadata.getPlural(type.asSubclass(HasMetadata.class)));
      }
    }
    return plurals;
  }

  /** Cluster-wide (no watched namespaces): every kind, their status, and the namespaced extras. */
  static Set<String> kindPermissions() {
    Set<String> lines = watchedNamespacePermissions();
    lines.addAll(kindLines(plurals(false)));
    return lines;
  }

  /**
   * In each watched namespace: the namespaced kinds, their status, deleting finished EcsTasks,
   * events.
   */
  static Set<String> watchedNamespacePermissions() {
    Set<String> lines = kindLines(plurals(true));
    // ttlSecondsAfterFinished: a finished EcsTask deletes itself, as a finished Job does.
    lines.add("ecsoperator.io ecstasks delete");
    lines.add(" events create");
    lines.add(" events patch");
    return lines;
  }

  /** With watched namespaces, cluster-wide: the cluster-scoped kinds and their status. */
  static Set<String> clusterKindPermissions() {
    return kindLines(plurals(false));
  }

  /**
   * With watched namespaces, the ClusterRole and its binding for the cluster-scoped kinds, when
   * there are any.
   */
  static List<String> clusterKindObjects(String fullname) {
    if (plurals(false).isEmpty()) {
      return List.of();
    }
    return List.of(
        "ClusterRole " + fullname + "-cluster-kinds",
        "ClusterRoleBinding " + fullname + "-cluster-kinds");
  }

  /** Watching the kinds of these plurals and writing their status and finalizer. */
  static Set<String> kindLines(Collection<String> plurals) {
    Set<String> lines = new TreeSet<>();
    for (String plural : plurals) {
      for (String verb : new String[] {"get", "list", "watch", "patch"}) {
        lines.add("ecsoperator.io " + plural + " " + verb);
      }
      lines.add("ecsoperator.io " + plural + "/status patch");
    }
    return lines;
  }

  /** Cluster-wide with {@code installation: auto}: reading the kube-system namespace's UID. */
  static Set<String> installationPermissions() {
    return Set.of(" namespaces get [kube-system]");
  }

  /**
   * Cluster-wide in every mode: reading namespaces for their account bindings (the AwsAccounts
   * themselves are a cluster-scoped kind, see {@link #clusterKindPermissions()}).
   */
  static Set<String> accountPermissions() {
    return Set.of(" namespaces get", " namespaces list", " namespaces watch");
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

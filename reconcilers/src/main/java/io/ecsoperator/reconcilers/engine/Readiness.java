package io.ecsoperator.reconcilers.engine;

import java.util.List;

/**
 * Whether a resource that matches its spec is also settled, and if not, why; with the events of
 * what the check itself did (e.g. it answered a paused deployment). A resource that has {@code
 * failed} for good (a one-off task whose attempts are used up) is Stalled, not waited on.
 */
public record Readiness(
    boolean ready, String reason, String message, List<Notice> notices, boolean failed) {

  public static final Readiness READY = new Readiness(true, "Ready", "in sync with AWS");

  public Readiness {
    notices = List.copyOf(notices);
  }

  public Readiness(boolean ready, String reason, String message) {
    this(ready, reason, message, List.of(), false);
  }

  public static Readiness waiting(String reason, String message) {
    return new Readiness(false, reason, message);
  }

  /** Settled for good without succeeding: only a new object can make progress. */
  public static Readiness failed(String reason, String message) {
    return new Readiness(false, reason, message, List.of(), true);
  }

  public Readiness withNotice(Notice notice) {
    return new Readiness(ready, reason, message, List.of(notice), failed);
  }

  /**
   * A reason from an AWS status, e.g. {@code ("Cluster", "PROVISIONING")} is ClusterProvisioning.
   */
  public static String statusReason(String prefix, String status) {
    if (status == null || status.isEmpty()) {
      return prefix + "Unknown";
    }
    return prefix + status.charAt(0) + status.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}

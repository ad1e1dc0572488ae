package io.ecsoperator.reconcilers.service.rollout;

import java.util.Set;

/** The service deployment statuses (API_ServiceDeployment.status) by what they mean. */
final class DeploymentStatuses {

  /**
   * Pending or ongoing: the deployment is not over (developer guide, service deployment states).
   */
  static final Set<String> ONGOING =
      Set.of(
          "PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS");

  static final String SUCCESSFUL = "SUCCESSFUL";

  private DeploymentStatuses() {}

  static boolean ongoing(String status) {
    return status != null && ONGOING.contains(status);
  }

  static boolean rollingBack(String status) {
    return status != null && status.startsWith("ROLLBACK");
  }
}

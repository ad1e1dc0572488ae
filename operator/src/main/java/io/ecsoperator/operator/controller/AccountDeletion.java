package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.json.Json;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * Deleting an object that may not act in its AWS account (any more). With nothing of AWS in its
 * status it never made anything there and goes at once, so a manifest naming the wrong account is
 * never stuck; with deletionPolicy Retain it goes too. Otherwise its AWS resource may exist and
 * cannot be reached: the deletion is blocked, saying how to go on, rather than leaking it quietly.
 */
final class AccountDeletion {

  private AccountDeletion() {}

  static DeleteOutcome outcome(
      CustomResource<? extends ManagedSpec, ? extends ManagedStatus> resource,
      AccountRefusedException refused) {
    if (resource.getSpec().retainOnDelete()) {
      return new DeleteOutcome(
          DeleteOutcome.Progress.DONE, "Retained", "deletionPolicy Retain: AWS left as it is");
    }
    if (nothingObserved(resource.getStatus())) {
      return new DeleteOutcome(
          DeleteOutcome.Progress.DONE,
          "NothingCreated",
          "nothing was made in AWS: " + refused.getMessage());
    }
    return DeleteOutcome.blocked(
        refused.reason(),
        refused.getMessage()
            + "; the AWS resource cannot be deleted until the account allows this object again"
            + " (or remove the finalizer to leave it in AWS)");
  }

  /** No kind field of the status was ever filled from AWS (an ARN, say). */
  static boolean nothingObserved(ManagedStatus status) {
    // Empty conditions and drift, and no generation, are left out of the JSON (NON_EMPTY).
    return status == null || Json.toTree(ObservedStatus.kept(status, () -> null)).isEmpty();
  }
}

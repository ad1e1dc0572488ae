package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ManagedStatus;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Objects;
import java.util.Optional;

/**
 * An object whose AWS account changed after its resource was seen in another (its namespace bound
 * to another account, say): reconciling it there would make a second resource and leave the first
 * unmanaged, and deleting it there would leave the first behind. It is Stalled instead, naming both
 * accounts, until the account is what it was.
 */
final class AccountChange {

  static final String REASON = "AccountChanged";

  private AccountChange() {}

  /**
   * Why the object may not act in {@code acting}; empty when it may.
   *
   * @param acting the AwsAccount it acts in now; null for the operator's own identity
   */
  static Optional<String> of(CustomResource<?, ? extends ManagedStatus> resource, String acting) {
    ManagedStatus status = resource.getStatus();
    if (AccountDeletion.nothingObserved(status) || Objects.equals(status.awsAccount, acting)) {
      return Optional.empty();
    }
    return Optional.of(
        "its AWS resource is in "
            + describe(status.awsAccount)
            + " but it now acts in "
            + describe(acting)
            + ": bind its namespace (or set spec.awsAccount) back, or delete it with deletionPolicy"
            + " Retain and create it again to start over in the new account");
  }

  private static String describe(String account) {
    return account == null ? "the operator's own account" : "AwsAccount " + account;
  }
}

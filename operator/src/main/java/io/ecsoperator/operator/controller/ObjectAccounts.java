package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.operator.account.AwsAccounts;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Optional;

/**
 * The AWS account rules every kind shares (issue 13 §1), for {@link ManagedResourceController}:
 * which clients an object acts with, what stops it before any AWS call (an account that refuses it,
 * is missing, or is not where its resource is), and the keys that keep accounts apart.
 */
final class ObjectAccounts {

  private final AwsAccounts accounts;

  ObjectAccounts(AwsAccounts accounts) {
    this.accounts = accounts;
  }

  AwsAccounts all() {
    return accounts;
  }

  /**
   * @throws DependencyNotReadyException while the account is missing or not verified yet
   * @throws AccountRefusedException when the object may not act in it
   */
  AwsClientFactory clients(CustomResource<? extends ManagedSpec, ?> object) {
    return accounts.clientsFor(object, object.getSpec().awsAccount);
  }

  Optional<AwsClientFactory> reachable(CustomResource<? extends ManagedSpec, ?> object) {
    try {
      return Optional.of(clients(object));
    } catch (AccountRefusedException | DependencyNotReadyException unreachable) {
      return Optional.empty();
    }
  }

  /** The AwsAccount the object acts in now; null for the operator's own identity. */
  String acting(CustomResource<? extends ManagedSpec, ?> object) {
    return accounts.accountOf(object, object.getSpec().awsAccount);
  }

  String defaultRegion(CustomResource<? extends ManagedSpec, ?> object) {
    return accounts.defaultRegion(acting(object));
  }

  /** A drift-check group within the object's account: groups never span accounts. */
  String driftGroup(CustomResource<? extends ManagedSpec, ?> object, String group) {
    String account = acting(object);
    return account == null ? group : account + "|" + group;
  }

  /** The registry (region, and account when not the operator's own) of a registry-wide object. */
  String registryOf(CustomResource<?, ?> object) {
    String account = accounts.accountOf(object, ((ManagedSpec) object.getSpec()).awsAccount);
    String region = RegistrySettingOwners.region(object, accounts.defaultRegion(account));
    return region == null || account == null ? region : region + " of AwsAccount " + account;
  }

  /**
   * What stops the object before any AWS call: an account that refuses it (Stalled), one that is
   * missing or not verified (waiting), or one that is not where its resource is (Stalled); empty
   * when it may act.
   */
  <A> Optional<ReconcileOutcome<A>> blocking(
      CustomResource<? extends ManagedSpec, ? extends ManagedStatus> object) {
    try {
      clients(object);
    } catch (AccountRefusedException refused) {
      return Optional.of(
          ReconcileOutcome.of(
              ReconcileOutcome.State.STALLED, refused.reason(), refused.getMessage(), null));
    } catch (DependencyNotReadyException waiting) {
      return Optional.of(
          ReconcileOutcome.of(
              ReconcileOutcome.State.PROGRESSING,
              DependencyWait.WAITING_FOR_DEPENDENCY,
              waiting.getMessage(),
              null));
    }
    return AccountChange.of(object, acting(object))
        .map(
            moved ->
                ReconcileOutcome.of(
                    ReconcileOutcome.State.STALLED, AccountChange.REASON, moved, null));
  }

  /**
   * What stops deleting the object's AWS resource in the account it acts in now: that its resource
   * is in another one (unless it is retained: then AWS is left alone anyway).
   */
  Optional<DeleteOutcome> blockingDelete(
      CustomResource<? extends ManagedSpec, ? extends ManagedStatus> object) {
    return AccountChange.of(object, acting(object))
        .filter(moved -> !object.getSpec().retainOnDelete())
        .map(moved -> DeleteOutcome.blocked(AccountChange.REASON, moved));
  }
}

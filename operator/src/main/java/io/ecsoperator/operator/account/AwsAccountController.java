package io.ecsoperator.operator.account;

import io.ecsoperator.crds.account.AwsAccount;
import io.ecsoperator.crds.account.AwsAccountStatus;
import io.ecsoperator.operator.controller.StatusConditions;
import io.ecsoperator.operator.controller.StatusWriter;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ClassifiedError;
import io.ecsoperator.reconcilers.engine.ErrorClassifier;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Verifies an AwsAccount: assumes its role (through the account's clients, so the same session its
 * objects use) and asks STS who that is. Ready shows the account ID; a role that cannot be assumed,
 * or that acts in another account than its ARN names, is Stalled with AWS's message, and so are the
 * objects acting in it. A verified account is checked again once a session (its {@code
 * sessionDurationSeconds}): the role is assumed anew only when the session's credentials are
 * renewed, so asking STS more often would re-read the same session and cost a call per drift pass.
 * An account not verified is tried again at every resync, so a mended trust policy is seen.
 */
@ControllerConfiguration(name = "awsaccount")
public final class AwsAccountController implements Reconciler<AwsAccount> {

  private final AwsAccounts accounts;
  private final List<String> namespaces;
  private final StatusWriter<AwsAccount, AwsAccountStatus> status;
  private final Duration resync;
  private final Duration retry;

  /**
   * @param namespaces the namespaces this operator watches (empty: all): it verifies only the
   *     accounts one of them may use, so that an installation for some namespaces never reports on
   *     another installation's accounts
   */
  public AwsAccountController(
      AwsAccounts accounts,
      List<String> namespaces,
      StatusConditions conditions,
      Duration resync,
      Duration retry) {
    this.accounts = accounts;
    this.namespaces = List.copyOf(namespaces);
    this.status = new StatusWriter<>(AwsAccountStatus::new, conditions);
    this.resync = resync;
    this.retry = retry;
  }

  @Override
  public UpdateControl<AwsAccount> reconcile(AwsAccount account, Context<AwsAccount> context) {
    if (!namespaces.isEmpty()
        && namespaces.stream().noneMatch(ns -> accounts.allows(account, ns))) {
      return UpdateControl.noUpdate();
    }
    ReconcileOutcome<GetCallerIdentityResponse> outcome = verify(account);
    status.writeIfChanged(
        account,
        context,
        status.next(
            account,
            outcome,
            (caller, next) -> {
              next.accountId = caller.account();
              next.callerArn = caller.arn();
            }));
    return UpdateControl.<AwsAccount>noUpdate().rescheduleAfter(nextCheck(account, outcome));
  }

  private Duration nextCheck(AwsAccount account, ReconcileOutcome<?> outcome) {
    return switch (outcome.state()) {
      case READY -> AccountRules.role(account.getSpec()).sessionDuration();
      case PROGRESSING, RETRYING -> retry;
      case STALLED, DRIFTED -> resync;
    };
  }

  private ReconcileOutcome<GetCallerIdentityResponse> verify(AwsAccount account) {
    String expected = account.getSpec().roleArn.split(":")[4];
    GetCallerIdentityResponse caller;
    try {
      AwsClients clients = accounts.clientsOf(account).forRegion(null);
      caller = clients.guard().call(ApiCategory.STS_READ, () -> clients.sts().getCallerIdentity());
    } catch (RuntimeException failed) {
      ClassifiedError error = ErrorClassifier.classify(failed);
      return ReconcileOutcome.of(
          error.retryable() ? State.PROGRESSING : State.STALLED,
          error.retryable() ? error.reason() : "AssumeRoleFailed",
          "cannot act as " + account.getSpec().roleArn + ": " + error.message(),
          null);
    }
    if (!expected.equals(caller.account())) {
      return ReconcileOutcome.of(
          State.STALLED,
          "AccountMismatch",
          "the role acts in account " + caller.account() + ", not " + expected + " as its ARN says",
          caller);
    }
    return ReconcileOutcome.of(
        State.READY, "Verified", "acting as " + caller.arn() + " in account " + expected, caller);
  }
}

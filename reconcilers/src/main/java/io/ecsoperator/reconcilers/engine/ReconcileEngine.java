package io.ecsoperator.reconcilers.engine;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kind-agnostic reconcile loop: observe, then create, adopt or update only what differs, and
 * sort every error once. It knows nothing of Kubernetes; the operator and the CLI both drive it.
 */
public final class ReconcileEngine {

  /** Reason of the warning that AWS did not keep fields as sent ({@link Observation#notKept}). */
  public static final String NOT_KEPT = "NotKeptByAws";

  private ReconcileEngine() {}

  /**
   * Brings AWS in line with the spec.
   *
   * @param specSeenBefore true when this generation was already reconciled, so any difference found
   *     now is drift made outside the operator
   */
  public static <S extends ManagedSpec, A> ReconcileOutcome<A> reconcile(
      ResourceAdapter<S, A> adapter, ResourceRef ref, S spec, boolean specSeenBefore) {
    List<Notice> notices = new ArrayList<>();
    Observation<A> observation = null;
    try {
      observation = adapter.observe(ref, spec);
      Decision decision = Decision.of(spec, observation);
      if (decision.action() == Decision.Action.OBSERVE) {
        return observeOnly(observation);
      }
      if (decision.action() == Decision.Action.CREATE) {
        if (adapter.create(ref, spec) instanceof CreateResult.Created<A> created) {
          notices.add(Notice.normal("Created", "created in AWS"));
          return settled(adapter, spec, created.actual()).withNotices(notices);
        }
        // The name is taken: our own create whose response was lost, or a resource made since
        // observe. Decide again on what is there now, never create a second time.
        observation = adapter.observe(ref, spec);
        decision = Decision.of(spec, observation);
        if (decision.action() == Decision.Action.CREATE) {
          throw new IllegalStateException(
              "AWS says the name is taken but the resource is not found; trying again");
        }
      }
      if (decision.adopt()) {
        // Before a blocked return too: the resource is ours once the spec is fixed.
        adapter.adopt(ref, observation.actual());
        notices.add(
            observation.ownership() == Ownership.OURS_UNMARKED
                ? Notice.normal(
                    "Claimed",
                    "recorded operator installation " + ref.installation() + " in its tags")
                : Notice.normal("Adopted", "took over the existing AWS resource"));
      }
      if (decision.action() == Decision.Action.BLOCKED) {
        return ReconcileOutcome.of(
                State.STALLED, decision.reason(), decision.message(), observation.actual())
            .withNotices(notices);
      }
      A actual = observation.actual();
      ChangeSet changes = observation.changes();
      if (decision.action() == Decision.Action.UPDATE) {
        actual = adapter.update(ref, spec, observation);
        notices.add(
            specSeenBefore
                ? Notice.warning(
                    "DriftCorrected",
                    "corrected changes made outside the operator: " + changes.paths())
                : Notice.normal("Updated", "updated " + changes.paths()));
      }
      ReconcileOutcome<A> outcome = settled(adapter, spec, actual);
      if (!observation.notKept().isEmpty()) {
        String note = observation.notKeptMessage();
        notices.add(Notice.warning(NOT_KEPT, note));
        outcome = outcome.withMessage(outcome.message() + "; " + note);
      }
      return outcome.withNotices(notices);
    } catch (RuntimeException error) {
      ClassifiedError classified = ErrorClassifier.classify(error);
      A last = observation == null ? null : observation.actual();
      if (!classified.retryable()) {
        notices.add(Notice.warning(classified.reason(), classified.message()));
      }
      Optional<Duration> turn = heldTurn(error);
      State state =
          classified.waiting() || turn.isPresent()
              ? State.PROGRESSING
              : classified.retryable() ? State.RETRYING : State.STALLED;
      return ReconcileOutcome.of(state, classified.reason(), classified.message(), last)
          .checkingAgainIn(turn.orElse(null))
          .withNotices(notices);
    }
  }

  /**
   * Deletes the AWS resource unless the spec retains it or the operator does not own it: the
   * operator never deletes what it does not own.
   */
  public static <S extends ManagedSpec, A> DeleteOutcome delete(
      ResourceAdapter<S, A> adapter, ResourceRef ref, S spec) {
    if (spec.retainOnDelete() || spec.observeOnly()) {
      return new DeleteOutcome(DeleteOutcome.Progress.DONE, "Retained", "left in AWS");
    }
    try {
      Observation<A> observation = adapter.observe(ref, spec);
      if (!observation.exists()) {
        return DeleteOutcome.DONE;
      }
      if (!observation.ownership().ours()) {
        return new DeleteOutcome(
            DeleteOutcome.Progress.DONE, "NotOwned", "not owned by this object; left in AWS");
      }
      return adapter.delete(ref, spec, observation.actual());
    } catch (RuntimeException error) {
      ClassifiedError classified = ErrorClassifier.classify(error);
      return classified.retryable()
          ? DeleteOutcome.waiting(classified.reason(), classified.message())
              .checkingAgainIn(heldTurn(error).orElse(null))
          : DeleteOutcome.blocked(classified.reason(), classified.message());
    }
  }

  /**
   * How soon to come back for the AWS token held for a call the rate limit put off: the driver
   * reschedules for then, neither backing off nor coming early, which would take another token.
   */
  private static Optional<Duration> heldTurn(RuntimeException error) {
    return error instanceof RateLimitedException limited ? limited.comeBackIn() : Optional.empty();
  }

  private static <A> ReconcileOutcome<A> observeOnly(Observation<A> observation) {
    if (!observation.exists()) {
      return ReconcileOutcome.of(
          State.PROGRESSING, "NotFound", "observe-only: the AWS resource does not exist", null);
    }
    if (observation.changes().isEmpty()) {
      return ReconcileOutcome.of(
          State.READY, "InSync", "observe-only: AWS matches the spec", observation.actual());
    }
    String paths = observation.changes().paths();
    return new ReconcileOutcome<>(
        State.DRIFTED,
        "DriftDetected",
        "observe-only: AWS differs from the spec in " + paths,
        observation.actual(),
        observation.changes().changes(),
        List.of(Notice.warning("DriftDetected", "AWS differs from the spec in " + paths)),
        null);
  }

  private static <S extends ManagedSpec, A> ReconcileOutcome<A> settled(
      ResourceAdapter<S, A> adapter, S spec, A actual) {
    Readiness readiness = adapter.readiness(spec, actual);
    if (readiness == Readiness.READY) {
      return ReconcileOutcome.of(State.READY, "InSync", "in sync with AWS", actual);
    }
    State state =
        readiness.ready() ? State.READY : readiness.failed() ? State.STALLED : State.PROGRESSING;
    return ReconcileOutcome.of(state, readiness.reason(), readiness.message(), actual)
        .withNotices(readiness.notices());
  }
}

package io.ecsoperator.reconcilers.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reconcile ended with; the operator turns it into conditions and events.
 *
 * @param state where the resource stands
 * @param reason CamelCase reason for the conditions (R7)
 * @param message human message, with AWS's text for errors
 * @param actual the AWS resource as last seen, for the kind's status fields (null if absent)
 * @param drift under ObserveOnly: fields where AWS differs from the spec
 * @param notices events to record
 * @param checkAgainIn when work in progress is to be checked again, if the outcome knows (a turn
 *     under the rate limit); null: the driver's usual interval
 */
public record ReconcileOutcome<A>(
    State state,
    String reason,
    String message,
    A actual,
    List<FieldChange> drift,
    List<Notice> notices,
    Duration checkAgainIn) {

  /** The status contract's phases (DESIGN §5). */
  public enum State {
    /** AWS matches the spec and is settled: Ready. */
    READY,
    /** Work in progress or waiting: Reconciling, check again soon. */
    PROGRESSING,
    /** A retryable error: Reconciling, retry with backoff. */
    RETRYING,
    /** Only a spec change can fix it: Stalled. */
    STALLED,
    /** ObserveOnly and AWS differs from the spec: reported, nothing written. */
    DRIFTED
  }

  public ReconcileOutcome {
    drift = List.copyOf(drift);
    notices = List.copyOf(notices);
  }

  public static <A> ReconcileOutcome<A> of(State state, String reason, String message, A actual) {
    return new ReconcileOutcome<>(state, reason, message, actual, List.of(), List.of(), null);
  }

  ReconcileOutcome<A> withMessage(String other) {
    return new ReconcileOutcome<>(state, reason, other, actual, drift, notices, checkAgainIn);
  }

  ReconcileOutcome<A> checkingAgainIn(Duration after) {
    return new ReconcileOutcome<>(state, reason, message, actual, drift, notices, after);
  }

  /** The same outcome with {@code more} events after its own. */
  ReconcileOutcome<A> withNotices(List<Notice> more) {
    List<Notice> all = new ArrayList<>(notices);
    all.addAll(more);
    return new ReconcileOutcome<>(state, reason, message, actual, drift, all, checkAgainIn);
  }
}

package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.reconcilers.engine.Decision;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;

/**
 * The outcome of an object that waits for another one. It is told at once when its own AWS name is
 * blocked too (taken by a resource it may not touch): then it is stalled whatever the other object
 * does, and the message names every blocker.
 */
final class DependencyWait {

  /** Reason of an object waiting for another it refers to. */
  static final String WAITING_FOR_DEPENDENCY = "WaitingForDependency";

  private DependencyWait() {}

  /**
   * @param observer reads the object's AWS resource with what is known; null when the kind cannot
   */
  static <S extends ManagedSpec, A> ReconcileOutcome<A> outcome(
      ResourceAdapter<S, A> observer,
      ResourceRef ref,
      S spec,
      DependencyNotReadyException waiting) {
    ReconcileOutcome<A> wait =
        ReconcileOutcome.of(
            ReconcileOutcome.State.PROGRESSING, WAITING_FOR_DEPENDENCY, waiting.getMessage(), null);
    if (observer == null) {
      return wait;
    }
    Observation<A> observation;
    try {
      observation = observer.observe(ref, spec);
    } catch (RuntimeException unreadable) {
      // E.g. the dependency is not in AWS yet: the wait is all there is to tell.
      return wait;
    }
    Decision decision = Decision.of(spec, observation);
    if (decision.action() != Decision.Action.BLOCKED || observation.ownership().ours()) {
      return wait;
    }
    return ReconcileOutcome.of(
        ReconcileOutcome.State.STALLED,
        decision.reason(),
        decision.message() + "; it also waits: " + waiting.getMessage(),
        null);
  }
}

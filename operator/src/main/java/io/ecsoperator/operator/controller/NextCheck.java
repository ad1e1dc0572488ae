package io.ecsoperator.operator.controller;

import io.ecsoperator.reconcilers.engine.ReconcileOutcome;

/** Whether an object is checked again soon (the progress interval) or at its next drift check. */
final class NextCheck {

  private NextCheck() {}

  /**
   * Work in progress is checked soon, and so is an object waiting for the owner of its registry
   * setting to go (it takes over soon after, not at the next drift check). An object waiting for
   * objects it watches ({@link ReferenceWatch}) is not: their change wakes it, and polling would
   * only repeat the wait, e.g. a thousand services waiting for their task definitions' turn at
   * AWS's rate, each reconciled every progress interval, crowding out the ones ready to go.
   *
   * @param dependenciesWatched whether every object the kind waits for is watched
   */
  static boolean soon(ReconcileOutcome<?> outcome, boolean dependenciesWatched) {
    if (DependencyWait.WAITING_FOR_DEPENDENCY.equals(outcome.reason())) {
      return !dependenciesWatched;
    }
    return outcome.state() == ReconcileOutcome.State.PROGRESSING
        || RegistrySettingOwners.OWNED_BY_OTHER.equals(outcome.reason());
  }
}

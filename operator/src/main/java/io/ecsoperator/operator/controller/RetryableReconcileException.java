package io.ecsoperator.operator.controller;

import io.ecsoperator.reconcilers.engine.ReconcileOutcome;

/** Hands a retryable outcome to JOSDK's retry with backoff; the status says why. */
final class RetryableReconcileException extends RuntimeException {

  private final transient ReconcileOutcome<?> outcome;

  RetryableReconcileException(ReconcileOutcome<?> outcome) {
    super(outcome.reason() + ": " + outcome.message());
    this.outcome = outcome;
  }

  ReconcileOutcome<?> outcome() {
    return outcome;
  }
}

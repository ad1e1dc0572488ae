package io.ecsoperator.reconcilers.engine;

/** An error sorted into retryable or terminal, with a CamelCase reason and AWS's message. */
public record ClassifiedError(boolean retryable, String reason, String message) {

  /**
   * Whether the call never reached AWS because the circuit breaker is open. That is waiting, not a
   * failure (DESIGN §3): the reconcile tries again at the progress interval instead of backing off
   * further, so it goes through soon after the circuit lets calls through again.
   */
  public boolean waiting() {
    return retryable && ErrorClassifier.CIRCUIT_OPEN.equals(reason);
  }
}

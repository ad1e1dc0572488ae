package io.ecsoperator.reconcilers.engine;

/**
 * The operator's own AWS rate limit refused a call: its turn would come later than the guard waits.
 * Retryable; the reconcile is requeued rather than the call repeated at once.
 */
public final class RateLimitedException extends RuntimeException {

  public RateLimitedException(String scope, Object category) {
    super(
        "client-side AWS rate limit of " + scope + "/" + category + " reached", null, false, false);
  }
}

package io.ecsoperator.reconcilers.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * The operator's own AWS rate limit put a call off: its turn comes later than the guard waits.
 * Retryable; the reconcile is requeued rather than the call repeated at once: when its token is
 * held for it, shortly before the token is due ({@link #comeBackIn()}), else with backoff.
 */
public final class RateLimitedException extends RuntimeException {

  private final transient Duration comeBackIn;

  /** Refused: no token was taken. */
  public RateLimitedException(String scope, Object category) {
    this(scope, category, null);
  }

  /**
   * @param comeBackIn how soon to try again to take the token held for the caller; null when none
   *     is held
   */
  public RateLimitedException(String scope, Object category, Duration comeBackIn) {
    super(
        "client-side AWS rate limit of "
            + scope
            + "/"
            + category
            + (comeBackIn == null
                ? " reached"
                : ": a turn is held, in " + comeBackIn.toSeconds() + " s"),
        null,
        false,
        false);
    this.comeBackIn = comeBackIn;
  }

  /** How soon to try again to take the token held for the caller; empty when it was refused. */
  public Optional<Duration> comeBackIn() {
    return Optional.ofNullable(comeBackIn);
  }
}

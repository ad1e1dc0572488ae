package io.ecsoperator.reconcilers.engine;

/** Whether a resource that matches its spec is also settled, and if not, why. */
public record Readiness(boolean ready, String reason, String message) {

  public static final Readiness READY = new Readiness(true, "Ready", "in sync with AWS");

  public static Readiness waiting(String reason, String message) {
    return new Readiness(false, reason, message);
  }
}

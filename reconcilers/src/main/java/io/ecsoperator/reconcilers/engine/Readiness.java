package io.ecsoperator.reconcilers.engine;

import java.util.List;

/**
 * Whether a resource that matches its spec is also settled, and if not, why; with the events of
 * what the check itself did (e.g. it answered a paused deployment).
 */
public record Readiness(boolean ready, String reason, String message, List<Notice> notices) {

  public static final Readiness READY = new Readiness(true, "Ready", "in sync with AWS");

  public Readiness {
    notices = List.copyOf(notices);
  }

  public Readiness(boolean ready, String reason, String message) {
    this(ready, reason, message, List.of());
  }

  public static Readiness waiting(String reason, String message) {
    return new Readiness(false, reason, message);
  }

  public Readiness withNotice(Notice notice) {
    return new Readiness(ready, reason, message, List.of(notice));
  }
}

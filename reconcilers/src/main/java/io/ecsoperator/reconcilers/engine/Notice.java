package io.ecsoperator.reconcilers.engine;

/** Something worth a Kubernetes Event: created, updated, drift corrected, deleted... */
public record Notice(boolean warning, String reason, String message) {

  public static Notice normal(String reason, String message) {
    return new Notice(false, reason, message);
  }

  public static Notice warning(String reason, String message) {
    return new Notice(true, reason, message);
  }
}

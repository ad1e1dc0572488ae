package io.ecsoperator.operator.cli.apply;

/** Where one object stands during apply, in kstatus' words where they fit. */
public enum ObjectState {
  /** Its turn has not come, or it waits for an object it references. */
  WAITING("Waiting", false),
  /** Applied; AWS is still settling (e.g. a rollout). */
  RECONCILING("Reconciling", false),
  /** A retryable error (throttling, 5xx); tried again while waiting. */
  RETRYING("Retrying", false),
  /** AWS matches the spec and is settled. */
  READY("Ready", true),
  /** ObserveOnly: reported, never written. */
  OBSERVED("Observed", true),
  /** Only a spec change can help. */
  STALLED("Stalled", true),
  /** An object it references is stalled, so it was not applied. */
  SKIPPED("Skipped", true),
  /** Ctrl-C came before its turn. */
  NOT_STARTED("Not started", true);

  private final String label;
  private final boolean settled;

  ObjectState(String label, boolean settled) {
    this.label = label;
    this.settled = settled;
  }

  public String label() {
    return label;
  }

  /** Nothing more will happen to it in this run. */
  public boolean settled() {
    return settled;
  }

  /** Settled for the worse: apply fails. */
  public boolean failed() {
    return this == STALLED || this == SKIPPED || this == NOT_STARTED;
  }
}

package io.ecsoperator.reconcilers.engine;

/** Whose an existing AWS resource is (DESIGN §6). */
public enum Ownership {
  /** Tagged as this object's, by this operator installation. */
  OURS,
  /**
   * Tagged as this object's before operator installations were recorded: this installation claims
   * it by adding its installation tag.
   */
  OURS_UNMARKED,
  /** No owner tag: adopted only with {@code adopt: true}. */
  UNOWNED,
  /** Tagged for another object, or by another operator installation: never touched. */
  OTHER;

  /** This object's to change and delete. */
  public boolean ours() {
    return this == OURS || this == OURS_UNMARKED;
  }
}

package io.ecsoperator.reconcilers.engine;

/** Whose an existing AWS resource is (DESIGN §6). */
public enum Ownership {
  /** Tagged as this object's. */
  OURS,
  /** No owner tag: adopted only with {@code adopt: true}. */
  UNOWNED,
  /** Tagged for another object: never touched. */
  OTHER
}

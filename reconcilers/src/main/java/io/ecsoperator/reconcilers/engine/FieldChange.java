package io.ecsoperator.reconcilers.engine;

import java.util.Objects;

/** One field where AWS differs from the spec, with how it can be brought in line. */
public record FieldChange(String path, Object desired, Object actual, ChangeStrategy strategy) {

  public FieldChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(strategy, "strategy");
  }

  @Override
  public String toString() {
    return path + ": " + actual + " -> " + desired;
  }
}

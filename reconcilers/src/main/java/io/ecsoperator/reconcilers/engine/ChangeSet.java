package io.ecsoperator.reconcilers.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The typed difference between a spec and what AWS has; empty when they match. */
public record ChangeSet(List<FieldChange> changes) {

  public static final ChangeSet NONE = new ChangeSet(List.of());

  public ChangeSet {
    changes = List.copyOf(changes);
  }

  /** These changes followed by {@code more}. */
  public ChangeSet plus(ChangeSet more) {
    List<FieldChange> all = new ArrayList<>(changes);
    all.addAll(more.changes);
    return new ChangeSet(all);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public boolean has(String path) {
    return changes.stream().anyMatch(c -> c.path().equals(path));
  }

  public boolean hasAny(ChangeStrategy strategy) {
    return changes.stream().anyMatch(c -> c.strategy() == strategy);
  }

  public List<FieldChange> only(ChangeStrategy strategy) {
    return changes.stream().filter(c -> c.strategy() == strategy).toList();
  }

  public String paths() {
    return changes.stream().map(FieldChange::path).collect(Collectors.joining(", "));
  }

  /** Collects field changes while a diff walks the spec. */
  public static final class Builder {
    private final List<FieldChange> changes = new ArrayList<>();

    /** Records a change when the values differ. */
    public Builder compare(String path, Object desired, Object actual, ChangeStrategy strategy) {
      if (!java.util.Objects.equals(desired, actual)) {
        changes.add(new FieldChange(path, desired, actual, strategy));
      }
      return this;
    }

    /** Compares only what the user declared: a null desired value is never drift. */
    public Builder compareDeclared(
        String path, Object desired, Object actual, ChangeStrategy strategy) {
      return desired == null ? this : compare(path, desired, actual, strategy);
    }

    public ChangeSet build() {
      return new ChangeSet(changes);
    }
  }

  public static Builder builder() {
    return new Builder();
  }
}

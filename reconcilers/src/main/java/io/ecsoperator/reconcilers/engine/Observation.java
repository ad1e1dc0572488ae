package io.ecsoperator.reconcilers.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What observe found: the AWS resource (null when it does not exist), who owns it, and how it
 * differs from the spec.
 *
 * @param <A> the kind's model of the AWS resource
 * @param owner the resource's owner tag, to name the other owner in messages; null when unknown
 * @param notKept fields AWS echoes differently from what the operator sent (a field AWS does not
 *     store): writing again would not change them, so they are not changes; the user is told once
 */
public record Observation<A>(
    A actual, Ownership ownership, ChangeSet changes, String owner, List<FieldChange> notKept) {

  public Observation {
    notKept = List.copyOf(notKept);
  }

  public Observation(A actual, Ownership ownership, ChangeSet changes, String owner) {
    this(actual, ownership, changes, owner, List.of());
  }

  public Observation(A actual, Ownership ownership, ChangeSet changes) {
    this(actual, ownership, changes, null);
  }

  /** An existing resource whose ownership is read from its AWS tags. */
  public static <A> Observation<A> tagged(
      ResourceRef ref, A actual, Map<String, String> tags, ChangeSet changes) {
    return new Observation<>(
        actual, ref.ownershipOf(tags), changes, ResourceRef.ownerNamedBy(tags));
  }

  public static <A> Observation<A> absent() {
    return new Observation<>(null, Ownership.UNOWNED, ChangeSet.NONE);
  }

  public boolean exists() {
    return actual != null;
  }

  /**
   * The same observation with the changes of {@code strategy} moved to {@link #notKept}: for an
   * adapter that knows AWS already has what the spec asks (e.g. a revision registered from this
   * very spec) and so that these differences are AWS not keeping a field as sent.
   */
  public Observation<A> notKeeping(ChangeStrategy strategy) {
    List<FieldChange> kept =
        changes.changes().stream().filter(c -> c.strategy() != strategy).toList();
    return new Observation<>(actual, ownership, new ChangeSet(kept), owner, changes.only(strategy));
  }

  /** What to tell the user about {@link #notKept}, in the plan, an event and the condition. */
  public String notKeptMessage() {
    return "AWS did not keep as sent, so apply leaves as AWS has it: "
        + notKept.stream()
            .map(
                c ->
                    "%s (sent %s, AWS has %s)"
                        .formatted(c.path(), shown(c.desired()), shown(c.actual())))
            .collect(Collectors.joining(", "));
  }

  private static String shown(Object value) {
    return value == null ? "none" : value.toString();
  }
}

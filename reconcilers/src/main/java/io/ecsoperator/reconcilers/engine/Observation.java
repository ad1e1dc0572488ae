package io.ecsoperator.reconcilers.engine;

import java.util.Map;

/**
 * What observe found: the AWS resource (null when it does not exist), who owns it, and how it
 * differs from the spec.
 *
 * @param <A> the kind's model of the AWS resource
 * @param owner the resource's owner tag, to name the other owner in messages; null when unknown
 */
public record Observation<A>(A actual, Ownership ownership, ChangeSet changes, String owner) {

  public Observation(A actual, Ownership ownership, ChangeSet changes) {
    this(actual, ownership, changes, null);
  }

  /** An existing resource whose ownership is read from its AWS tags. */
  public static <A> Observation<A> tagged(
      ResourceRef ref, A actual, Map<String, String> tags, ChangeSet changes) {
    return new Observation<>(
        actual, ref.ownershipOf(tags), changes, tags.get(ResourceRef.OWNER_TAG));
  }

  public static <A> Observation<A> absent() {
    return new Observation<>(null, Ownership.UNOWNED, ChangeSet.NONE);
  }

  public boolean exists() {
    return actual != null;
  }
}

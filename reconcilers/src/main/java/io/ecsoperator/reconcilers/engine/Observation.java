package io.ecsoperator.reconcilers.engine;

/**
 * What observe found: the AWS resource (null when it does not exist), who owns it, and how it
 * differs from the spec.
 *
 * @param <A> the kind's model of the AWS resource
 */
public record Observation<A>(A actual, Ownership ownership, ChangeSet changes) {

  public static <A> Observation<A> absent() {
    return new Observation<>(null, Ownership.UNOWNED, ChangeSet.NONE);
  }

  public boolean exists() {
    return actual != null;
  }
}

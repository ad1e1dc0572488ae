package io.ecsoperator.reconcilers.engine;

/**
 * What {@link ResourceAdapter#create} found: the resource it made, or that the name was already
 * taken in AWS. On a taken name the engine observes again and decides again, so one place applies
 * the ownership rules to a lost create response of ours and to a resource made since observe
 * (DESIGN §6).
 *
 * @param <A> the kind's model of the AWS resource
 */
public sealed interface CreateResult<A> {

  /** The resource now exists as this object's. */
  record Created<A>(A actual) implements CreateResult<A> {}

  /** AWS already had a resource of this name; whose it is, the engine decides. */
  record NameTaken<A>() implements CreateResult<A> {}

  static <A> CreateResult<A> created(A actual) {
    return new Created<>(actual);
  }

  static <A> CreateResult<A> nameTaken() {
    return new NameTaken<>();
  }
}

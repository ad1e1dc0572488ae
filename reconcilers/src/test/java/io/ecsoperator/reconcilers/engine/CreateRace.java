package io.ecsoperator.reconcilers.engine;

import io.ecsoperator.crds.common.ManagedSpec;

/**
 * A real adapter whose first observe misses the resource, as when it appears in AWS between observe
 * and create (made by someone else, or by our own create whose response was lost): the engine then
 * creates and meets a taken name.
 */
public final class CreateRace<S extends ManagedSpec, A> implements ResourceAdapter<S, A> {

  private final ResourceAdapter<S, A> real;
  private boolean missed;

  private CreateRace(ResourceAdapter<S, A> real) {
    this.real = real;
  }

  public static <S extends ManagedSpec, A> ResourceAdapter<S, A> firstObserveMisses(
      ResourceAdapter<S, A> real) {
    return new CreateRace<>(real);
  }

  @Override
  public Observation<A> observe(ResourceRef ref, S spec) {
    if (!missed) {
      missed = true;
      return Observation.absent();
    }
    return real.observe(ref, spec);
  }

  @Override
  public CreateResult<A> create(ResourceRef ref, S spec) {
    return real.create(ref, spec);
  }

  @Override
  public void adopt(ResourceRef ref, A actual) {
    real.adopt(ref, actual);
  }

  @Override
  public A update(ResourceRef ref, S spec, Observation<A> observation) {
    return real.update(ref, spec, observation);
  }

  @Override
  public DeleteOutcome delete(ResourceRef ref, S spec, A actual) {
    return real.delete(ref, spec, actual);
  }

  @Override
  public Readiness readiness(S spec, A actual) {
    return real.readiness(spec, actual);
  }
}

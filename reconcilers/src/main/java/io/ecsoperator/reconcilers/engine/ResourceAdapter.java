package io.ecsoperator.reconcilers.engine;

import io.ecsoperator.crds.common.ManagedSpec;

/**
 * One AWS resource kind behind the observe / create / update / delete contract (DESIGN §3). The
 * engine decides which to call; an adapter only talks to AWS and computes its kind's diff.
 *
 * @param <S> the kind's spec
 * @param <A> the kind's model of the AWS resource
 */
public interface ResourceAdapter<S extends ManagedSpec, A> {

  /** Reads AWS without changing it and diffs it against the spec. */
  Observation<A> observe(ResourceRef ref, S spec);

  /**
   * Creates the resource with ownership tags; must not create a duplicate when repeated. Reports
   * {@link CreateResult.NameTaken} when AWS already has the name, and leaves it alone: the engine
   * decides whose it is.
   */
  CreateResult<A> create(ResourceRef ref, S spec);

  /** Takes over an unowned resource by adding the ownership tags. */
  void adopt(ResourceRef ref, A actual);

  /** Calls only the APIs the changed fields need and returns the resulting resource. */
  A update(ResourceRef ref, S spec, Observation<A> observation);

  /** Deletes the resource, or one step of it; "not found" counts as done. */
  DeleteOutcome delete(ResourceRef ref, S spec, A actual);

  /** Whether an in-sync resource is also settled in AWS (e.g. a rollout has finished). */
  default Readiness readiness(S spec, A actual) {
    return Readiness.READY;
  }
}

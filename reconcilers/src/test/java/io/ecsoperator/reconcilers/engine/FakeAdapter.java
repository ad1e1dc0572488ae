package io.ecsoperator.reconcilers.engine;

import io.ecsoperator.crds.common.ManagedSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory adapter a test scripts: what each observe finds, what create, update and delete
 * answer, which step fails. It records the steps the engine took, so a test of the engine (or of
 * what drives it) needs no AWS.
 *
 * @param <S> the spec
 * @param <A> the model of the AWS resource
 */
public final class FakeAdapter<S extends ManagedSpec, A> implements ResourceAdapter<S, A> {

  private final Deque<Observation<A>> observations = new ArrayDeque<>();
  private final Map<String, RuntimeException> failures = new HashMap<>();
  private final List<String> steps = new ArrayList<>();
  private CreateResult<A> created;
  private A updated;
  private DeleteOutcome deleted = DeleteOutcome.DONE;
  private Readiness readiness = Readiness.READY;

  /** What the next observes find, in order; the last one is found again after that. */
  @SafeVarargs
  public final FakeAdapter<S, A> observes(Observation<A>... found) {
    observations.addAll(List.of(found));
    return this;
  }

  public FakeAdapter<S, A> createAnswers(CreateResult<A> result) {
    created = result;
    return this;
  }

  public FakeAdapter<S, A> updateAnswers(A result) {
    updated = result;
    return this;
  }

  public FakeAdapter<S, A> deleteAnswers(DeleteOutcome outcome) {
    deleted = outcome;
    return this;
  }

  public FakeAdapter<S, A> settledAs(Readiness settled) {
    readiness = settled;
    return this;
  }

  /** The step ("observe", "create", "adopt", "update", "delete") throws this error. */
  public FakeAdapter<S, A> fails(String step, RuntimeException error) {
    failures.put(step, error);
    return this;
  }

  /** The steps the engine took, in order. */
  public List<String> steps() {
    return List.copyOf(steps);
  }

  @Override
  public Observation<A> observe(ResourceRef ref, S spec) {
    step("observe");
    return observations.size() > 1 ? observations.poll() : observations.peek();
  }

  @Override
  public CreateResult<A> create(ResourceRef ref, S spec) {
    step("create");
    return created;
  }

  @Override
  public void adopt(ResourceRef ref, A actual) {
    step("adopt");
  }

  @Override
  public A update(ResourceRef ref, S spec, Observation<A> observation) {
    step("update");
    return updated;
  }

  @Override
  public DeleteOutcome delete(ResourceRef ref, S spec, A actual) {
    step("delete");
    return deleted;
  }

  @Override
  public Readiness readiness(S spec, A actual) {
    return readiness;
  }

  private void step(String name) {
    steps.add(name);
    RuntimeException failure = failures.get(name);
    if (failure != null) {
      throw failure;
    }
  }
}

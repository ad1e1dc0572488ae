package io.ecsoperator.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What an object waiting for another one is told, by what its own AWS name looks like. */
class DependencyWaitTest {

  private static final ResourceRef REF = new ResourceRef("apps", "web", "uid-1");
  private static final DependencyNotReadyException CLUSTER_NOT_READY =
      new DependencyNotReadyException(
          "EcsCluster shop is not Ready (AlreadyExists: an AWS resource of this name exists)");

  @Test
  void aNameTakenByAResourceNobodyManagesIsToldWithTheWait() {
    ReconcileOutcome<String> outcome = outcome(() -> existing(Map.of("team", "web")));

    assertThat(outcome.state()).isEqualTo(ReconcileOutcome.State.STALLED);
    assertThat(outcome.reason()).isEqualTo("AlreadyExists");
    assertThat(outcome.message())
        .startsWith("an AWS resource of this name exists and is not managed by ecs-operator")
        .endsWith("; it also waits: " + CLUSTER_NOT_READY.getMessage());
  }

  @Test
  void aNameOwnedByAnotherObjectNamesThatObjectAndTheWait() {
    ReconcileOutcome<String> outcome =
        outcome(() -> existing(Map.of(ResourceRef.OWNER_TAG, "apps/other")));

    assertThat(outcome.state()).isEqualTo(ReconcileOutcome.State.STALLED);
    assertThat(outcome.reason()).isEqualTo("OwnedByOther");
    assertThat(outcome.message())
        .contains("owned by apps/other")
        .contains("it also waits: " + CLUSTER_NOT_READY.getMessage());
  }

  @Test
  void aFreeNameOrOurOwnResourceOrNoAnswerLeavesOnlyTheWait() {
    assertOnlyWaits(outcome(Observation::absent));
    assertOnlyWaits(outcome(() -> existing(REF.ownershipTags())));
    assertOnlyWaits(
        outcome(
            () -> {
              throw new IllegalStateException("the cluster is not in AWS yet");
            }));
    assertOnlyWaits(DependencyWait.outcome(null, REF, new EcrRepositorySpec(), CLUSTER_NOT_READY));
  }

  private static void assertOnlyWaits(ReconcileOutcome<String> outcome) {
    assertThat(outcome.state()).isEqualTo(ReconcileOutcome.State.PROGRESSING);
    assertThat(outcome.reason()).isEqualTo("WaitingForDependency");
    assertThat(outcome.message()).isEqualTo(CLUSTER_NOT_READY.getMessage());
  }

  private static Observation<String> existing(Map<String, String> tags) {
    return Observation.tagged(REF, "the AWS resource", tags, ChangeSet.NONE);
  }

  private static ReconcileOutcome<String> outcome(Supplier<Observation<String>> observed) {
    return DependencyWait.outcome(
        new ObservingAdapter(observed), REF, new EcrRepositorySpec(), CLUSTER_NOT_READY);
  }

  /** Observes what the test says; while waiting nothing else may be called. */
  private record ObservingAdapter(Supplier<Observation<String>> observed)
      implements ResourceAdapter<EcrRepositorySpec, String> {

    @Override
    public Observation<String> observe(ResourceRef ref, EcrRepositorySpec spec) {
      return observed.get();
    }

    @Override
    public CreateResult<String> create(ResourceRef ref, EcrRepositorySpec spec) {
      throw new AssertionError("created while waiting");
    }

    @Override
    public void adopt(ResourceRef ref, String actual) {
      throw new AssertionError("adopted while waiting");
    }

    @Override
    public String update(ResourceRef ref, EcrRepositorySpec spec, Observation<String> observation) {
      throw new AssertionError("updated while waiting");
    }

    @Override
    public DeleteOutcome delete(ResourceRef ref, EcrRepositorySpec spec, String actual) {
      throw new AssertionError("deleted while waiting");
    }
  }
}

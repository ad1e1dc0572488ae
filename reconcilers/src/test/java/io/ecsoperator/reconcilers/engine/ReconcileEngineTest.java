package io.ecsoperator.reconcilers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.common.DeletionPolicy;
import io.ecsoperator.crds.common.ManagementPolicy;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Every {@link Decision} outcome through the engine, on an adapter scripted in memory. */
class ReconcileEngineTest {

  private static final ResourceRef REF = new ResourceRef("apps", "web", "uid");
  private static final FieldChange MUTABILITY =
      new FieldChange("imageTagMutability", "IMMUTABLE", "MUTABLE", ChangeStrategy.IN_PLACE);
  private static final FieldChange ENCRYPTION =
      new FieldChange("encryptionType", "KMS", "AES256", ChangeStrategy.REPLACE);

  private final FakeAdapter<EcrRepositorySpec, String> aws = new FakeAdapter<>();

  // ObserveOnly

  @Test
  void observeOnlyReportsAnAbsentResourceWithoutWriting() {
    aws.observes(Observation.absent());

    ReconcileOutcome<String> outcome = reconcile(observeOnly());

    assertOutcome(outcome, State.PROGRESSING, "NotFound");
    assertThat(aws.steps()).containsExactly("observe");
  }

  @Test
  void observeOnlyReportsAResourceInSync() {
    aws.observes(ours());

    assertOutcome(reconcile(observeOnly()), State.READY, "InSync");
    assertThat(aws.steps()).containsExactly("observe");
  }

  @Test
  void observeOnlyReportsDriftOnceAsAWarningWithoutWriting() {
    aws.observes(ours(MUTABILITY));

    ReconcileOutcome<String> outcome = reconcile(observeOnly());

    assertOutcome(outcome, State.DRIFTED, "DriftDetected");
    assertThat(outcome.drift()).containsExactly(MUTABILITY);
    assertThat(outcome.notices())
        .containsExactly(
            Notice.warning("DriftDetected", "AWS differs from the spec in imageTagMutability"));
    assertThat(aws.steps()).containsExactly("observe");
  }

  // CREATE, and a create that finds the name taken

  @Test
  void anAbsentResourceIsCreated() {
    aws.observes(Observation.absent()).createAnswers(CreateResult.created("made"));

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.READY, "InSync");
    assertThat(outcome.actual()).isEqualTo("made");
    assertThat(outcome.notices()).containsExactly(Notice.normal("Created", "created in AWS"));
    assertThat(aws.steps()).containsExactly("observe", "create");
  }

  @Test
  void aCreatedResourceNotYetSettledIsProgressing() {
    aws.observes(Observation.absent())
        .createAnswers(CreateResult.created("made"))
        .settledAs(Readiness.waiting("RolloutInProgress", "tasks are starting"));

    assertOutcome(reconcile(new EcrRepositorySpec()), State.PROGRESSING, "RolloutInProgress");
  }

  @Test
  void aNameTakenByOurOwnLostCreateIsOursWithoutASecondCreate() {
    aws.observes(Observation.absent(), ours()).createAnswers(CreateResult.nameTaken());

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.READY, "InSync");
    assertThat(outcome.actual()).isEqualTo("ours");
    assertThat(aws.steps()).containsExactly("observe", "create", "observe");
  }

  @Test
  void aNameTakenByOurOwnLostCreateIsUpdatedWhereItDiffers() {
    aws.observes(Observation.absent(), ours(MUTABILITY))
        .createAnswers(CreateResult.nameTaken())
        .updateAnswers("updated");

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.READY, "InSync");
    assertThat(outcome.notices())
        .containsExactly(Notice.normal("Updated", "updated imageTagMutability"));
    assertThat(aws.steps()).containsExactly("observe", "create", "observe", "update");
  }

  @Test
  void aNameTakenByAnUnownedResourceIsAdoptedWhenTheSpecSaysSo() {
    aws.observes(Observation.absent(), unowned()).createAnswers(CreateResult.nameTaken());

    ReconcileOutcome<String> outcome = reconcile(adopting());

    assertOutcome(outcome, State.READY, "InSync");
    assertThat(outcome.notices())
        .containsExactly(Notice.normal("Adopted", "took over the existing AWS resource"));
    assertThat(aws.steps()).containsExactly("observe", "create", "observe", "adopt");
  }

  @Test
  void aNameTakenByAnUnownedResourceStallsAsAlreadyExists() {
    aws.observes(Observation.absent(), unowned()).createAnswers(CreateResult.nameTaken());

    assertOutcome(reconcile(new EcrRepositorySpec()), State.STALLED, "AlreadyExists");
    assertThat(aws.steps()).containsExactly("observe", "create", "observe");
  }

  @Test
  void aNameTakenByAnotherObjectStallsNamingIt() {
    aws.observes(Observation.absent(), others()).createAnswers(CreateResult.nameTaken());

    ReconcileOutcome<String> outcome = reconcile(adopting());

    assertOutcome(outcome, State.STALLED, "OwnedByOther");
    assertThat(outcome.message()).contains("apps/other");
    assertThat(aws.steps()).containsExactly("observe", "create", "observe");
  }

  @Test
  void aNameTakenThatCannotBeFoundIsRetriedNeverCreatedTwice() {
    aws.observes(Observation.absent()).createAnswers(CreateResult.nameTaken());

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertThat(outcome.state()).isEqualTo(State.RETRYING);
    assertThat(outcome.message()).contains("name is taken but the resource is not found");
    assertThat(aws.steps()).containsExactly("observe", "create", "observe");
  }

  // UPDATE and NONE

  @Test
  void aNewSpecIsAnUpdate() {
    aws.observes(ours(MUTABILITY)).updateAnswers("updated");

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.READY, "InSync");
    assertThat(outcome.actual()).isEqualTo("updated");
    assertThat(outcome.notices())
        .containsExactly(Notice.normal("Updated", "updated imageTagMutability"));
  }

  @Test
  void aDifferenceUnderASpecSeenBeforeIsDriftCorrectedWithAWarning() {
    aws.observes(ours(MUTABILITY)).updateAnswers("updated");

    ReconcileOutcome<String> outcome =
        ReconcileEngine.reconcile(aws, REF, new EcrRepositorySpec(), true);

    assertThat(outcome.notices())
        .containsExactly(
            Notice.warning(
                "DriftCorrected",
                "corrected changes made outside the operator: imageTagMutability"));
  }

  @Test
  void aFieldAwsDidNotKeepIsReportedNeverWritten() {
    FieldChange dropped = new FieldChange("pidMode", "task", null, ChangeStrategy.NEW_REVISION);
    aws.observes(ours(dropped).notKeeping(ChangeStrategy.NEW_REVISION));

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.READY, "InSync");
    String note =
        "AWS did not keep as sent, so apply leaves as AWS has it: pidMode (sent task, AWS has none)";
    assertThat(outcome.message()).isEqualTo("in sync with AWS; " + note);
    assertThat(outcome.notices()).containsExactly(Notice.warning(ReconcileEngine.NOT_KEPT, note));
    assertThat(aws.steps()).containsExactly("observe");
  }

  @Test
  void aResourceInSyncIsOnlyRead() {
    aws.observes(ours());

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.READY, "InSync");
    assertThat(outcome.notices()).isEmpty();
    assertThat(aws.steps()).containsExactly("observe");
  }

  // BLOCKED

  @Test
  void anImmutableFieldStallsNamingItWithoutWriting() {
    aws.observes(ours(ENCRYPTION, MUTABILITY));

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.STALLED, "ImmutableField");
    assertThat(outcome.message()).contains("encryptionType").doesNotContain("imageTagMutability");
    assertThat(aws.steps()).containsExactly("observe");
  }

  @Test
  void anAdoptedResourceIsTakenOverEvenWhenAnImmutableFieldStallsIt() {
    aws.observes(unowned(ENCRYPTION));

    ReconcileOutcome<String> outcome = reconcile(adopting());

    assertOutcome(outcome, State.STALLED, "ImmutableField");
    assertThat(aws.steps()).containsExactly("observe", "adopt");
  }

  @Test
  void anUnownedResourceStallsAsAlreadyExists() {
    aws.observes(unowned());

    assertOutcome(reconcile(new EcrRepositorySpec()), State.STALLED, "AlreadyExists");
    assertThat(aws.steps()).containsExactly("observe");
  }

  @Test
  void anotherObjectsResourceStallsAsOwnedByOtherEvenWithAdopt() {
    aws.observes(others());

    ReconcileOutcome<String> outcome = reconcile(adopting());

    assertOutcome(outcome, State.STALLED, "OwnedByOther");
    assertThat(outcome.message())
        .isEqualTo("the AWS resource is owned by apps/other; it is left untouched");
    assertThat(aws.steps()).containsExactly("observe");
  }

  // Errors

  @Test
  void aRetryableErrorRetriesWithoutAnEventAndKeepsWhatWasSeen() {
    aws.observes(ours(MUTABILITY)).fails("update", SdkClientException.create("connection reset"));

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.RETRYING, "AwsUnreachable");
    assertThat(outcome.actual()).isEqualTo("ours");
    assertThat(outcome.notices()).isEmpty();
  }

  @Test
  void aCallRefusedByTheOpenCircuitWaitsInsteadOfBackingOff() {
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("ECS");
    breaker.transitionToOpenState();
    aws.observes(ours(MUTABILITY))
        .fails("update", CallNotPermittedException.createCallNotPermittedException(breaker));

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.PROGRESSING, ErrorClassifier.CIRCUIT_OPEN);
    assertThat(outcome.actual()).isEqualTo("ours");
    assertThat(outcome.notices()).isEmpty();
  }

  @Test
  void aCallWhoseTokenIsHeldComesBackForItAndOneRefusedBacksOff() {
    FakeAdapter<EcrRepositorySpec, String> refused =
        new FakeAdapter<EcrRepositorySpec, String>()
            .observes(Observation.absent())
            .fails("create", new RateLimitedException("us-east-1", "ECR_MODIFY"));
    aws.observes(Observation.absent())
        .fails(
            "create", new RateLimitedException("us-east-1", "ECR_MODIFY", Duration.ofSeconds(7)));

    ReconcileOutcome<String> held = reconcile(new EcrRepositorySpec());
    ReconcileOutcome<String> backingOff =
        ReconcileEngine.reconcile(refused, REF, new EcrRepositorySpec(), false);

    assertOutcome(held, State.PROGRESSING, "RateLimited");
    assertThat(held.checkAgainIn()).isEqualTo(Duration.ofSeconds(7));
    assertThat(held.notices()).isEmpty();
    assertOutcome(backingOff, State.RETRYING, "RateLimited");
    assertThat(backingOff.checkAgainIn()).isNull();
  }

  @Test
  void aTerminalErrorStallsWithAWarning() {
    aws.observes(Observation.absent())
        .fails("create", new TerminalException("InvalidParameter", "no such key"));

    ReconcileOutcome<String> outcome = reconcile(new EcrRepositorySpec());

    assertOutcome(outcome, State.STALLED, "InvalidParameter");
    assertThat(outcome.notices())
        .containsExactly(Notice.warning("InvalidParameter", "no such key"));
  }

  // Deletion

  @Test
  void retainAndObserveOnlyLeaveAwsAloneWithoutReadingIt() {
    EcrRepositorySpec retain = new EcrRepositorySpec();
    retain.deletionPolicy = DeletionPolicy.Retain;

    for (EcrRepositorySpec spec : List.of(retain, observeOnly())) {
      assertThat(ReconcileEngine.delete(aws, REF, spec))
          .isEqualTo(new DeleteOutcome(DeleteOutcome.Progress.DONE, "Retained", "left in AWS"));
    }
    assertThat(aws.steps()).isEmpty();
  }

  @Test
  void deletingWhatDoesNotExistIsDone() {
    aws.observes(Observation.absent());

    assertThat(delete()).isEqualTo(DeleteOutcome.DONE);
    assertThat(aws.steps()).containsExactly("observe");
  }

  @Test
  void whatTheObjectDoesNotOwnIsNeverDeleted() {
    for (Observation<String> notOurs : List.of(unowned(), others())) {
      FakeAdapter<EcrRepositorySpec, String> adapter =
          new FakeAdapter<EcrRepositorySpec, String>().observes(notOurs);

      assertThat(ReconcileEngine.delete(adapter, REF, new EcrRepositorySpec()).reason())
          .isEqualTo("NotOwned");
      assertThat(adapter.steps()).containsExactly("observe");
    }
  }

  @Test
  void whatTheObjectOwnsIsDeletedByTheAdapter() {
    DeleteOutcome draining = DeleteOutcome.waiting("Draining", "tasks are stopping");
    aws.observes(ours()).deleteAnswers(draining);

    assertThat(delete()).isEqualTo(draining);
    assertThat(aws.steps()).containsExactly("observe", "delete");
  }

  @Test
  void deletionErrorsWaitWhenRetryableAndBlockWhenTerminal() {
    aws.observes(ours()).fails("delete", SdkClientException.create("connection reset"));
    assertThat(delete().progress()).isEqualTo(DeleteOutcome.Progress.WAITING);

    FakeAdapter<EcrRepositorySpec, String> refusing =
        new FakeAdapter<EcrRepositorySpec, String>()
            .observes(ours())
            .fails("delete", new TerminalException("ImagesLeft", "the repository has images"));
    assertThat(ReconcileEngine.delete(refusing, REF, new EcrRepositorySpec()))
        .isEqualTo(DeleteOutcome.blocked("ImagesLeft", "the repository has images"));
  }

  @Test
  void aDeletionWhoseTokenIsHeldComesBackForIt() {
    aws.observes(ours())
        .fails(
            "delete",
            new RateLimitedException(
                "us-east-1", "ECS_TASK_DEFINITION_DELETE", Duration.ofSeconds(4)));

    DeleteOutcome outcome = delete();

    assertThat(outcome.progress()).isEqualTo(DeleteOutcome.Progress.WAITING);
    assertThat(outcome.checkAgainIn()).isEqualTo(Duration.ofSeconds(4));
  }

  private ReconcileOutcome<String> reconcile(EcrRepositorySpec spec) {
    return ReconcileEngine.reconcile(aws, REF, spec, false);
  }

  private DeleteOutcome delete() {
    return ReconcileEngine.delete(aws, REF, new EcrRepositorySpec());
  }

  private static void assertOutcome(ReconcileOutcome<String> outcome, State state, String reason) {
    assertThat(outcome.state()).as(outcome.message()).isEqualTo(state);
    assertThat(outcome.reason()).isEqualTo(reason);
  }

  private static Observation<String> ours(FieldChange... changes) {
    return new Observation<>("ours", Ownership.OURS, new ChangeSet(List.of(changes)), "apps/web");
  }

  private static Observation<String> unowned(FieldChange... changes) {
    return new Observation<>("unowned", Ownership.UNOWNED, new ChangeSet(List.of(changes)), null);
  }

  private static Observation<String> others() {
    return new Observation<>("theirs", Ownership.OTHER, ChangeSet.NONE, "apps/other");
  }

  private static EcrRepositorySpec observeOnly() {
    EcrRepositorySpec spec = new EcrRepositorySpec();
    spec.managementPolicy = ManagementPolicy.ObserveOnly;
    return spec;
  }

  private static EcrRepositorySpec adopting() {
    EcrRepositorySpec spec = new EcrRepositorySpec();
    spec.adopt = true;
    return spec;
  }
}

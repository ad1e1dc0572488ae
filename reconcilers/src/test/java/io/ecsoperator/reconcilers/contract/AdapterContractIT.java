package io.ecsoperator.reconcilers.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.CreateRace;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.testsupport.AwsCallCounter;
import io.ecsoperator.testsupport.Specs;
import io.ecsoperator.testsupport.TestBed;
import io.ecsoperator.testsupport.TestClasses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's contract (DESIGN §3, §6) for every kind's adapter against moto: ownership, adoption,
 * a create that finds its name taken, ObserveOnly and deletion. Writes are counted at the AWS
 * client. What only one kind does stays in that kind's adapter IT.
 */
class AdapterContractIT {

  private static final ResourceRef REF = new ResourceRef("ns", "name", "uid");
  private static final String OWNER_TAG = ResourceRef.OWNER_TAG;
  private static final String ADOPT = "adopt: true\n";

  private final TestBed bed = TestBed.get();
  private final AwsCallCounter calls = new AwsCallCounter();
  private AwsClientFactory aws;

  /** Every kind's fixture, each in its kind's test folder ({@code <Kind>ContractFixture}). */
  static Stream<Named<KindFixture<?, ?>>> kinds() {
    List<KindFixture<?, ?>> fixtures =
        TestClasses.instancesOf(KindFixture.class, "ContractFixture");
    assertThat(fixtures).as("contract fixtures found").isNotEmpty();
    return fixtures.stream()
        .map(f -> Named.of(f.specClass().getSimpleName().replaceFirst("Spec$", ""), f));
  }

  @AfterEach
  void closeClients() {
    if (aws != null) {
      aws.close();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void deletingWhatNeverExistedIsDoneWithoutWriting(KindFixture<?, ?> kind) {
    Subject<?, ?> it = start(kind);

    assertThat(it.delete("")).isEqualTo(DeleteOutcome.DONE);
    assertThat(calls.writes()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void retainLeavesTheResourceInAwsWithoutAnyCall(KindFixture<?, ?> kind) {
    Subject<?, ?> it = start(kind);
    assertReady(it.reconcile(""));
    calls.reset();

    DeleteOutcome outcome = it.delete("deletionPolicy: Retain\n");

    assertThat(outcome.reason()).isEqualTo("Retained");
    assertThat(calls.all()).isEmpty();
    assertThat(it.tagsInAws()).isPresent();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void observeOnlyReportsWhatItFindsAndNeverWrites(KindFixture<?, ?> kind) {
    assumeTrue(kind.ownedByTags(), "the drift it finds is in the tags");
    Subject<?, ?> it = start(kind);
    String observeOnly = "managementPolicy: ObserveOnly\n";

    assertThat(it.reconcile(observeOnly).reason()).isEqualTo("NotFound");
    it.createOutsideTheOperator(Map.of());
    ReconcileOutcome<?> drifted = it.reconcile(observeOnly);

    assertThat(drifted.state()).as(drifted.message()).isEqualTo(State.DRIFTED);
    assertThat(drifted.drift()).extracting(FieldChange::path).contains("tags");
    assertThat(calls.writes()).as("only the test's own create").hasSize(1);
    assertThat(it.tagsInAws()).contains(Map.of());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aSecondReconcileOnlyReads(KindFixture<?, ?> kind) {
    Subject<?, ?> it = start(kind);
    ReconcileOutcome<?> created = it.reconcile("");
    assertReady(created);
    assertThat(created.notices()).extracting(Notice::reason).containsExactly("Created");
    assertThat(calls.writes().values()).as("one create call").containsExactly(1);
    assertOwnedInAws(it);
    calls.reset();

    ReconcileOutcome<?> again = it.reconcileAgain("");

    assertReady(again);
    assertThat(again.notices()).isEmpty();
    assertThat(calls.writes()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aDeletedResourceIsGoneAndCreatedAgain(KindFixture<?, ?> kind) {
    Subject<?, ?> it = start(kind);
    assertReady(it.reconcile(""));

    assertThat(it.delete("").progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(it.tagsInAws()).isEmpty();
    calls.reset();
    assertThat(it.delete("")).as("nothing left to delete").isEqualTo(DeleteOutcome.DONE);
    assertThat(calls.writes()).isEmpty();

    // As a new object of the same spec would: an adapter that knows nothing of the old one.
    ReconcileOutcome<?> again = it.renewed().reconcile("");

    assertReady(again);
    assertThat(again.notices()).extracting(Notice::reason).containsExactly("Created");
    assertThat(calls.writes().values()).as("one create call").containsExactly(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anUnownedResourceStallsAsAlreadyExistsUntilAdopted(KindFixture<?, ?> kind) {
    Subject<?, ?> it = start(kind);
    it.createOutsideTheOperator(Map.of());
    calls.reset();

    ReconcileOutcome<?> refused = it.reconcile("");

    assertThat(refused.state()).isEqualTo(State.STALLED);
    assertThat(refused.reason()).isEqualTo("AlreadyExists");
    assertThat(calls.writes()).isEmpty();
    assertThat(it.tagsInAws()).contains(Map.of());

    ReconcileOutcome<?> adopted = it.reconcile(ADOPT);

    assertReady(adopted);
    assertThat(adopted.notices()).extracting(Notice::reason).contains("Adopted");
    assertOwnedInAws(it);
    calls.reset();
    assertThat(it.reconcileAgain(ADOPT).notices()).isEmpty();
    assertThat(calls.writes()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anotherObjectsResourceIsNeverTouched(KindFixture<?, ?> kind) {
    assumeTrue(kind.ownedByTags(), "without a mark in AWS, another owner cannot be told apart");
    Subject<?, ?> it = start(kind);
    Map<String, String> theirs = Map.of(OWNER_TAG, "other/owner", "team", "theirs");
    it.createOutsideTheOperator(theirs);
    calls.reset();

    ReconcileOutcome<?> outcome = it.reconcile(ADOPT);
    DeleteOutcome deletion = it.delete(ADOPT);

    assertThat(outcome.state()).isEqualTo(State.STALLED);
    assertThat(outcome.reason()).isEqualTo("OwnedByOther");
    assertThat(outcome.message()).contains("other/owner");
    assertThat(deletion.reason()).isEqualTo("NotOwned");
    assertThat(calls.writes()).isEmpty();
    assertThat(it.tagsInAws()).contains(theirs);
  }

  /** Two clusters with an object of one namespace/name over one account (issue 13 §2). */
  @ParameterizedTest
  @MethodSource("kinds")
  void anotherOperatorInstallationsResourceIsNeverTouched(KindFixture<?, ?> kind) {
    assumeTrue(kind.ownedByTags(), "the installation is recorded in the tags");
    Subject<?, ?> blue = start(kind).as(REF.withInstallation("blue"));
    assertReady(blue.reconcile(""));
    Subject<?, ?> green = blue.as(REF.withInstallation("green"));
    calls.reset();

    ReconcileOutcome<?> outcome = green.reconcile(ADOPT);
    DeleteOutcome deletion = green.delete("");

    assertThat(outcome.state()).isEqualTo(State.STALLED);
    assertThat(outcome.reason()).isEqualTo("OwnedByOther");
    assertThat(outcome.message()).contains("ns/name of operator installation blue");
    assertThat(deletion.reason()).isEqualTo("NotOwned");
    assertThat(calls.writes()).isEmpty();
    assertThat(tagsOf(blue)).containsEntry(ResourceRef.INSTALLATION_TAG, "blue");
  }

  /** Upgrading to a named installation: what the object made before is claimed, once. */
  @ParameterizedTest
  @MethodSource("kinds")
  void aResourceMadeBeforeInstallationsWereRecordedIsClaimedOnce(KindFixture<?, ?> kind) {
    assumeTrue(kind.ownedByTags(), "the installation is recorded in the tags");
    Subject<?, ?> before = start(kind);
    assertReady(before.reconcile(""));
    Subject<?, ?> blue = before.as(REF.withInstallation("blue"));
    calls.reset();

    ReconcileOutcome<?> claimed = blue.reconcile("");

    assertReady(claimed);
    assertThat(claimed.notices()).extracting(Notice::reason).containsExactly("Claimed");
    assertThat(tagsOf(blue)).containsEntry(ResourceRef.INSTALLATION_TAG, "blue");
    calls.reset();
    ReconcileOutcome<?> again = blue.renewed().reconcileAgain("");
    assertReady(again);
    assertThat(again.notices()).isEmpty();
    assertThat(calls.writes()).isEmpty();
  }

  private static Map<String, String> tagsOf(Subject<?, ?> subject) {
    return subject.tagsInAws().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aCreateWhoseResponseWasLostIsRecoveredWithoutADuplicate(KindFixture<?, ?> kind) {
    assumeTrue(kind.createCanFindTheNameTaken());
    assumeTrue(kind.ownedByTags(), "without a mark in AWS, our lost create cannot be told apart");
    Subject<?, ?> it = start(kind);
    // Our earlier create reached AWS; only its response was lost.
    Map<String, String> ours = new HashMap<>(REF.ownershipTags());
    ours.put("team", "web");
    it.createOutsideTheOperator(ours);
    calls.reset();

    ReconcileOutcome<?> outcome = it.reconcileRacing("");

    assertReady(outcome);
    assertThat(calls.writes().values()).as("the one create call only").containsExactly(1);
    assertThat(it.tagsInAws()).contains(ours);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aNameTakenSinceObserveIsJudgedByTheSameOwnershipRules(KindFixture<?, ?> kind) {
    assumeTrue(kind.createCanFindTheNameTaken());
    Subject<?, ?> it = start(kind);
    it.createOutsideTheOperator(Map.of());
    calls.reset();

    ReconcileOutcome<?> refused = it.reconcileRacing("");
    ReconcileOutcome<?> adopted = it.reconcileRacing(ADOPT);

    assertThat(refused.reason()).isEqualTo("AlreadyExists");
    assertOwnedInAws(it);
    assertReady(adopted);
    assertThat(adopted.notices()).extracting(Notice::reason).contains("Adopted");
  }

  /** The resource exists in AWS as this object's: with its tags, when the kind has tags. */
  private static void assertOwnedInAws(Subject<?, ?> it) {
    Map<String, String> tags = it.tagsInAws().orElseThrow();
    if (it.kind.ownedByTags()) {
      assertThat(tags).containsEntry(OWNER_TAG, "ns/name").containsEntry("team", "web");
    }
  }

  private static void assertReady(ReconcileOutcome<?> outcome) {
    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
  }

  private <S extends ManagedSpec, A> Subject<S, A> start(KindFixture<S, A> kind) {
    bed.resetAws();
    aws = bed.awsClients(calls);
    AwsClients clients = aws.forRegion(null);
    kind.prepare(clients);
    calls.reset();
    return new Subject<>(kind, kind.adapter(aws), clients);
  }

  /** One kind's resource under test, its spec given as YAML put before the fixture's spec. */
  private final class Subject<S extends ManagedSpec, A> {

    private final KindFixture<S, A> kind;
    private final ResourceAdapter<S, A> adapter;
    private final AwsClients clients;
    private final ResourceRef ref;

    Subject(KindFixture<S, A> kind, ResourceAdapter<S, A> adapter, AwsClients clients) {
      this(kind, adapter, clients, REF);
    }

    private Subject(
        KindFixture<S, A> kind,
        ResourceAdapter<S, A> adapter,
        AwsClients clients,
        ResourceRef ref) {
      this.kind = kind;
      this.adapter = adapter;
      this.clients = clients;
      this.ref = ref;
    }

    ReconcileOutcome<A> reconcile(String specPrefix) {
      return ReconcileEngine.reconcile(adapter, ref, spec(specPrefix), false);
    }

    ReconcileOutcome<A> reconcileAgain(String specPrefix) {
      return ReconcileEngine.reconcile(adapter, ref, spec(specPrefix), true);
    }

    /** A reconcile whose create meets the name taken since its observe. */
    ReconcileOutcome<A> reconcileRacing(String specPrefix) {
      return ReconcileEngine.reconcile(
          CreateRace.firstObserveMisses(adapter), ref, spec(specPrefix), false);
    }

    /** A new adapter, as after an operator restart. */
    Subject<S, A> renewed() {
      return new Subject<>(kind, kind.adapter(aws), clients, ref);
    }

    /** The same object reconciled by another operator installation, with a new adapter. */
    Subject<S, A> as(ResourceRef other) {
      return new Subject<>(kind, kind.adapter(aws), clients, other);
    }

    DeleteOutcome delete(String specPrefix) {
      return ReconcileEngine.delete(adapter, ref, spec(specPrefix));
    }

    void createOutsideTheOperator(Map<String, String> tags) {
      kind.createOutsideTheOperator(clients, tags);
    }

    Optional<Map<String, String>> tagsInAws() {
      return kind.tagsInAws(clients);
    }

    private S spec(String prefix) {
      return Specs.parse(prefix + kind.specYaml(bed.region()), kind.specClass());
    }
  }
}

package io.ecsoperator.reconcilers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.common.ManagementPolicy;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.reconcilers.engine.Decision.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

  private static final ChangeSet MUTABILITY =
      new ChangeSet(
          List.of(
              new FieldChange(
                  "imageTagMutability", "IMMUTABLE", "MUTABLE", ChangeStrategy.IN_PLACE)));
  private static final ChangeSet ENCRYPTION =
      new ChangeSet(
          List.of(
              new FieldChange(
                  "encryptionConfiguration.encryptionType",
                  "KMS",
                  "AES256",
                  ChangeStrategy.REPLACE),
              new FieldChange("tags", "{a=1}", "{}", ChangeStrategy.TAGS_ONLY)));

  @Test
  void anAbsentResourceIsCreated() {
    assertThat(Decision.of(new EcrRepositorySpec(), Observation.absent()))
        .isEqualTo(new Decision(Action.CREATE, false, null, null));
  }

  @Test
  void oursIsUpdatedOnlyWhenItDiffers() {
    assertThat(Decision.of(new EcrRepositorySpec(), seen(Ownership.OURS, MUTABILITY)).action())
        .isEqualTo(Action.UPDATE);
    assertThat(Decision.of(new EcrRepositorySpec(), seen(Ownership.OURS, ChangeSet.NONE)).action())
        .isEqualTo(Action.NONE);
  }

  @Test
  void anotherOwnersResourceIsNeverTouchedEvenWithAdopt() {
    EcrRepositorySpec spec = new EcrRepositorySpec();
    spec.adopt = true;

    Decision decision = Decision.of(spec, seen(Ownership.OTHER, MUTABILITY));

    assertThat(decision.action()).isEqualTo(Action.BLOCKED);
    assertThat(decision.adopt()).isFalse();
    assertThat(decision.reason()).isEqualTo("OwnedByOther");
  }

  @Test
  void anUnownedResourceIsAdoptedOnlyWhenAsked() {
    EcrRepositorySpec spec = new EcrRepositorySpec();
    assertThat(Decision.of(spec, seen(Ownership.UNOWNED, ChangeSet.NONE)).reason())
        .isEqualTo("AlreadyExists");

    spec.adopt = true;
    assertThat(Decision.of(spec, seen(Ownership.UNOWNED, ChangeSet.NONE)))
        .isEqualTo(new Decision(Action.NONE, true, null, null));
    assertThat(Decision.of(spec, seen(Ownership.UNOWNED, MUTABILITY)))
        .isEqualTo(new Decision(Action.UPDATE, true, null, null));
  }

  @Test
  void oursFromBeforeInstallationsWereRecordedIsClaimedWithoutAdopt() {
    EcrRepositorySpec spec = new EcrRepositorySpec();

    assertThat(Decision.of(spec, seen(Ownership.OURS_UNMARKED, ChangeSet.NONE)))
        .isEqualTo(new Decision(Action.NONE, true, null, null));
    assertThat(Decision.of(spec, seen(Ownership.OURS_UNMARKED, MUTABILITY)))
        .isEqualTo(new Decision(Action.UPDATE, true, null, null));
  }

  @Test
  void anImmutableFieldBlocksAndNamesOnlyThatField() {
    EcrRepositorySpec spec = new EcrRepositorySpec();
    spec.adopt = true;

    Decision decision = Decision.of(spec, seen(Ownership.UNOWNED, ENCRYPTION));

    assertThat(decision.action()).isEqualTo(Action.BLOCKED);
    assertThat(decision.adopt()).as("still adopted, as the engine always did").isTrue();
    assertThat(decision.reason()).isEqualTo("ImmutableField");
    assertThat(decision.message())
        .isEqualTo("AWS cannot change encryptionConfiguration.encryptionType after creation");
  }

  @Test
  void observeOnlyNeverWrites() {
    EcrRepositorySpec spec = new EcrRepositorySpec();
    spec.managementPolicy = ManagementPolicy.ObserveOnly;
    assertThat(Decision.of(spec, Observation.absent()).action()).isEqualTo(Action.OBSERVE);
    assertThat(Decision.of(spec, seen(Ownership.OTHER, MUTABILITY)).action())
        .isEqualTo(Action.OBSERVE);
  }

  private static Observation<String> seen(Ownership ownership, ChangeSet changes) {
    return new Observation<>("repository", ownership, changes);
  }
}

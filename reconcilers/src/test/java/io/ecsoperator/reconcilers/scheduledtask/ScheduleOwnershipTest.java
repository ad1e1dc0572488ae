package io.ecsoperator.reconcilers.scheduledtask;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import org.junit.jupiter.api.Test;

class ScheduleOwnershipTest {

  private final ResourceRef ref = new ResourceRef("reports", "nightly-report", "uid-1");

  @Test
  void theDescriptionCarriesTheOwnershipTags() {
    String description = ScheduleOwnership.description(ref);

    assertThat(description)
        .isEqualTo(
            "Managed by ecs-operator: ecsoperator.io/owner=reports/nightly-report"
                + " ecsoperator.io/uid=uid-1");
    assertThat(ScheduleOwnership.tagsOf(description)).isEqualTo(ref.ownershipTags());
    assertThat(description.length()).isLessThanOrEqualTo(512);
  }

  @Test
  void theAccountsTagStaysOutOfTheDescriptionAndOwnershipHoldsWithoutIt() {
    ResourceRef inAccount = ref.withAccount("team-a");
    String description = ScheduleOwnership.description(inAccount);

    assertThat(description).isEqualTo(ScheduleOwnership.description(ref));
    assertThat(inAccount.ownershipOf(ScheduleOwnership.tagsOf(description)))
        .isEqualTo(Ownership.OURS);
  }

  @Test
  void ownershipIsJudgedAsForTaggedKinds() {
    assertThat(ref.ownershipOf(ScheduleOwnership.tagsOf(ScheduleOwnership.description(ref))))
        .isEqualTo(Ownership.OURS);
    assertThat(ref.ownershipOf(ScheduleOwnership.tagsOf("nightly report, made by hand")))
        .isEqualTo(Ownership.UNOWNED);
    assertThat(ref.ownershipOf(ScheduleOwnership.tagsOf(null))).isEqualTo(Ownership.UNOWNED);
    ResourceRef other = new ResourceRef("finance", "nightly-report", "uid-2");
    assertThat(ref.ownershipOf(ScheduleOwnership.tagsOf(ScheduleOwnership.description(other))))
        .isEqualTo(Ownership.OTHER);
  }
}

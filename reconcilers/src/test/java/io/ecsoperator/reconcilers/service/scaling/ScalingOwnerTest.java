package io.ecsoperator.reconcilers.service.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.ServiceAutoScaling;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import org.junit.jupiter.api.Test;

/** Whose a scalable target is, judged by the ARN this object registered. */
class ScalingOwnerTest {

  private static final ResourceRef REF = new ResourceRef("shop", "web", "uid-1");
  private static final ServiceAutoScaling BLOCK = new ServiceAutoScaling(1, 4, null);
  private static final String OTHER_ARN = ScalingFixtures.TARGET_ARN.replace("0ec5", "1fd6");

  @Test
  void theTargetWithTheRegisteredArnIsOurs() {
    ScalingOwner owner = new ScalingOwner(REF, ScalingFixtures.TARGET_ARN, false);

    assertThat(owner.registered(ScalingFixtures.web())).isTrue();
    assertThat(owner.mayManage(ScalingFixtures.web())).isTrue();
    assertThat(owner.targetArnToRecord(BLOCK, ScalingFixtures.web()))
        .isEqualTo(ScalingFixtures.TARGET_ARN);
    // Still ours after the block is removed, until the removal has been done.
    assertThat(owner.targetArnToRecord(null, ScalingFixtures.web()))
        .isEqualTo(ScalingFixtures.TARGET_ARN);
  }

  @Test
  void aTargetRegisteredAgainBySomeoneElseIsNotOurs() {
    ScalingOwner owner = new ScalingOwner(REF, OTHER_ARN, false);

    assertThat(owner.registered(ScalingFixtures.web())).isFalse();
    assertThat(owner.mayManage(ScalingFixtures.web())).isFalse();
    assertThat(owner.targetArnToRecord(BLOCK, ScalingFixtures.web())).isNull();
  }

  @Test
  void noTargetIsNobodysAndMayBeRegistered() {
    ScalingOwner owner = new ScalingOwner(REF, ScalingFixtures.TARGET_ARN, false);

    assertThat(owner.registered(null)).isFalse();
    assertThat(owner.mayManage(null)).isTrue();
    assertThat(owner.targetArnToRecord(BLOCK, null)).isNull();
  }

  @Test
  void adoptTakesOverATargetTheSpecDeclares() {
    ScalingOwner owner = new ScalingOwner(REF, null, true);

    assertThat(owner.registered(ScalingFixtures.web())).isFalse();
    assertThat(owner.mayManage(ScalingFixtures.web())).isTrue();
    assertThat(owner.targetArnToRecord(BLOCK, ScalingFixtures.web()))
        .isEqualTo(ScalingFixtures.TARGET_ARN);
    assertThat(owner.targetArnToRecord(null, ScalingFixtures.web())).isNull();
  }
}

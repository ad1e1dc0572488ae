package io.ecsoperator.reconcilers.service.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.ServiceAutoScaling;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;

/** What ServiceScaling decides without calling AWS. */
class ServiceScalingTest {

  private static final ResourceRef REF = new ResourceRef("shop", "web", "uid-1");

  @Test
  void theResourceIdNamesTheClusterByNameEvenWhenGivenItsArn() {
    assertThat(ServiceScaling.resourceId("shop", "web")).isEqualTo("service/shop/web");
    assertThat(ServiceScaling.resourceId("arn:aws:ecs:eu-west-1:123456789012:cluster/shop", "web"))
        .isEqualTo("service/shop/web");
  }

  @Test
  void aNewTargetCarriesTheOwnershipTags() {
    RegisterScalableTargetRequest request =
        ServiceScaling.registerRequest(
            "service/shop/web", new ServiceAutoScaling(1, 4, null), REF.ownershipTags());

    assertThat(request.serviceNamespaceAsString()).isEqualTo("ecs");
    assertThat(request.scalableDimensionAsString()).isEqualTo("ecs:service:DesiredCount");
    assertThat(request.resourceId()).isEqualTo("service/shop/web");
    assertThat(request.minCapacity()).isEqualTo(1);
    assertThat(request.maxCapacity()).isEqualTo(4);
    assertThat(request.tags())
        .isEqualTo(Map.of(ResourceRef.OWNER_TAG, "shop/web", ResourceRef.UID_TAG, "uid-1"));
  }

  @Test
  void anUpdatedTargetSendsNoTags() {
    RegisterScalableTargetRequest request =
        ServiceScaling.registerRequest(
            "service/shop/web", new ServiceAutoScaling(2, 6, null), Map.of());

    assertThat(request.hasTags()).isFalse();
    assertThat(request.maxCapacity()).isEqualTo(6);
  }

  @Test
  void aServiceWithoutScalingThatNeverRegisteredATargetIsNotRead() {
    ServiceAutoScaling block = new ServiceAutoScaling(1, 4, null);

    assertThat(ServiceScaling.needsRead(null, new ScalingOwner(REF, null, false))).isFalse();
    assertThat(ServiceScaling.needsRead(null, new ScalingOwner(REF, null, true))).isFalse();
    assertThat(ServiceScaling.needsRead(block, new ScalingOwner(REF, null, false))).isTrue();
    assertThat(
            ServiceScaling.needsRead(
                null, new ScalingOwner(REF, ScalingFixtures.TARGET_ARN, false)))
        .isTrue();
  }

  @Test
  void thePolicySentIsThePolicyCompared() {
    TrackingPolicy policy = ScalingFixtures.web().policies().get("requests");

    var sent = policy.toAws();

    assertThat(sent.targetValue()).isEqualTo(1000.0);
    assertThat(sent.predefinedMetricSpecification().predefinedMetricTypeAsString())
        .isEqualTo("ALBRequestCountPerTarget");
    assertThat(sent.predefinedMetricSpecification().resourceLabel())
        .isEqualTo(ScalingFixtures.ALB_LABEL);
    // Defaults are sent: an update keeps what it leaves out.
    assertThat(sent.scaleInCooldown()).isEqualTo(300);
    assertThat(sent.scaleOutCooldown()).isEqualTo(300);
    assertThat(sent.disableScaleIn()).isFalse();
  }
}

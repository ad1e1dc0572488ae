package io.ecsoperator.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.AutoScalingStatus;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.EcsServiceStatus;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a status write applies: JOSDK applies it again on the newer object after a conflicting
 * write, so it must carry the computed status and nothing else of the object read before.
 */
class StatusWriterTest {

  private static final String TARGET_ARN =
      "arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/0ec5d2a4";

  @Test
  void theAppliedObjectIsTheComputedStatusUnderTheObjectsName() {
    EcsService read = new EcsService();
    read.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace("apps")
            .withName("web")
            .withUid("uid-1")
            .withResourceVersion("41")
            .withGeneration(3L)
            .withLabels(Map.of("team", "web"))
            .withManagedFields(new ManagedFieldsEntry())
            .build());
    read.setSpec(new EcsServiceSpec());
    read.setStatus(new EcsServiceStatus());
    EcsServiceStatus computed = new EcsServiceStatus();
    computed.autoScaling = new AutoScalingStatus();
    computed.autoScaling.scalableTargetARN = TARGET_ARN;

    EcsService applied = StatusWriter.statusOnly(read, computed);

    assertThat(applied.getStatus().autoScaling.scalableTargetARN).isEqualTo(TARGET_ARN);
    assertThat(applied.getMetadata().getNamespace()).isEqualTo("apps");
    assertThat(applied.getMetadata().getName()).isEqualTo("web");
    assertThat(applied.getKind()).isEqualTo("EcsService");
    assertThat(applied.getApiVersion()).isEqualTo(read.getApiVersion());
    assertThat(applied.getSpec()).as("the spec is the user's, never applied").isNull();
    assertThat(applied.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(applied.getMetadata().getManagedFields())
        .as("server-side apply refuses managed fields")
        .isNullOrEmpty();
    assertThat(applied.getMetadata().getResourceVersion())
        .as("JOSDK sets the version of the object it writes to")
        .isNull();
  }
}

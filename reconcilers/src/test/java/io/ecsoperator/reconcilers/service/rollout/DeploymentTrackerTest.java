package io.ecsoperator.reconcilers.service.rollout;

import static io.ecsoperator.reconcilers.service.rollout.DeploymentFixtures.ARN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;

class DeploymentTrackerTest {

  private static final Service RUNNING_IT =
      Service.builder()
          .currentServiceDeployment(ARN)
          .deploymentConfiguration(c -> c.strategy("BLUE_GREEN"))
          .build();

  @Test
  void aDeploymentTheStatusSawFinishCostsNoRead() {
    assertThat(
            DeploymentTracker.needsRead(
                RUNNING_IT, new RolloutContext(ARN, "SUCCESSFUL", null, null, null)))
        .isFalse();
    assertThat(
            DeploymentTracker.needsRead(
                RUNNING_IT, new RolloutContext(ARN, "ROLLBACK_SUCCESSFUL", null, null, null)))
        .isFalse();
  }

  @Test
  void aNewOrUnfinishedDeploymentIsRead() {
    assertThat(DeploymentTracker.needsRead(RUNNING_IT, RolloutContext.NONE)).isTrue();
    assertThat(
            DeploymentTracker.needsRead(
                RUNNING_IT, new RolloutContext(ARN, "IN_PROGRESS", null, null, null)))
        .isTrue();
    assertThat(
            DeploymentTracker.needsRead(
                RUNNING_IT, new RolloutContext(ARN + "-older", "SUCCESSFUL", null, null, null)))
        .isTrue();
  }

  @Test
  void aRollingServiceIsNotRead() {
    Service rolling =
        RUNNING_IT.toBuilder().deploymentConfiguration(c -> c.strategy("ROLLING")).build();

    assertThat(DeploymentTracker.needsRead(rolling, RolloutContext.NONE)).isFalse();
    assertThat(
            DeploymentTracker.needsRead(
                RUNNING_IT.toBuilder()
                    .deploymentConfiguration((DeploymentConfiguration) null)
                    .build(),
                RolloutContext.NONE))
        .isFalse();
  }

  @Test
  void aServiceWithoutDeploymentsIsNotRead() {
    assertThat(DeploymentTracker.needsRead(Service.builder().build(), RolloutContext.NONE))
        .isFalse();
  }
}

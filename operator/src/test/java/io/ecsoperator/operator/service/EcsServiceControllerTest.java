package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.AutoScalingStatus;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.EcsServiceStatus;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ObservedStatus;
import io.ecsoperator.operator.settings.OperatorSettings;
import io.ecsoperator.reconcilers.service.EcsServiceState;
import io.ecsoperator.reconcilers.service.ServiceMemory;
import io.ecsoperator.reconcilers.service.scaling.ScalingState;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

/** The status fields a service reconcile leaves for users and for the next reconcile. */
class EcsServiceControllerTest {

  private static final String WEB_7 = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7";
  private static final String WEB_8 = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8";

  private static final String TARGET_ARN =
      "arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/"
          + "0ec5d2a4b8f14c6e9a1b3c5d7e9f0a2b4c6d";

  private final EcsServiceController controller =
      new EcsServiceController(
          new ControllerWiring(null, null, null, null, OperatorSettings.defaults()));

  @Test
  void countsTheRolloutAndWhatToRememberComeFromTheState() {
    EcsServiceStatus status = new EcsServiceStatus();

    controller.copyObserved(
        new EcsServiceState(
            service(),
            "2025-03-15T10:00:00Z",
            WEB_8,
            new ScalingState("service/shop/web", TARGET_ARN, 2, 10, new TreeMap<>()),
            TARGET_ARN),
        status);
    EcsServiceStatus kept = ObservedStatus.kept(status, EcsServiceStatus::new);

    assertThat(status.arn).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:service/shop/web");
    assertThat(status.clusterArn).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/shop");
    assertThat(status.status).isEqualTo("ACTIVE");
    assertThat(status.taskDefinition).isEqualTo(WEB_7);
    assertThat(status.desiredCount).isEqualTo(3);
    assertThat(status.runningCount).isEqualTo(2);
    assertThat(status.pendingCount).isEqualTo(1);
    assertThat(status.rollout.deploymentId).isEqualTo("ecs-svc/2");
    assertThat(status.rollout.rolloutState).isEqualTo("IN_PROGRESS");
    assertThat(status.rollout.rolloutStateReason).isEqualTo("in progress");
    assertThat(status.rollout.failedTasks).isEqualTo(1);
    assertThat(status.restartedAt).isEqualTo("2025-03-15T10:00:00Z");
    assertThat(status.failedTaskDefinition).isEqualTo(WEB_8);
    assertThat(status.autoScaling.scalableTargetARN).isEqualTo(TARGET_ARN);
    assertThat(status.autoScaling.minCapacity).isEqualTo(2);
    assertThat(status.autoScaling.maxCapacity).isEqualTo(10);
    assertThat(kept)
        .usingRecursiveComparison()
        .as("kept as it was when AWS cannot be read")
        .isEqualTo(status);
  }

  @Test
  void aScalableTargetOfSomeoneElseOrNoneLeavesNoAutoScalingStatus() {
    ScalingState theirs = new ScalingState("service/shop/web", TARGET_ARN, 2, 10, new TreeMap<>());
    EcsServiceStatus status = new EcsServiceStatus();

    controller.copyObserved(new EcsServiceState(service(), null, null, theirs, null), status);

    assertThat(status.autoScaling).isNull();
  }

  @Test
  void aFailedRolloutIsRememberedOnlyForItsGenerationRestartedAtAndTheTargetAlways() {
    EcsServiceStatus status = new EcsServiceStatus();
    status.restartedAt = "2025-03-15T10:00:00Z";
    status.failedTaskDefinition = WEB_8;
    status.autoScaling = new AutoScalingStatus();
    status.autoScaling.scalableTargetARN = TARGET_ARN;

    assertThat(ServiceStatusMapping.memory(status, true))
        .isEqualTo(new ServiceMemory("2025-03-15T10:00:00Z", WEB_8, TARGET_ARN));
    assertThat(ServiceStatusMapping.memory(status, false))
        .isEqualTo(new ServiceMemory("2025-03-15T10:00:00Z", null, TARGET_ARN));
    assertThat(ServiceStatusMapping.memory((EcsServiceStatus) null, true))
        .isEqualTo(ServiceMemory.NONE);
  }

  @Test
  void servicesOfOneClusterOfOneRegionAreCheckedForDriftTogetherByNameOrArn() {
    EcsService byName = service("web", "eu-west-1", "shop");
    EcsService byArn =
        service("api", "eu-west-1", "arn:aws:ecs:eu-west-1:123456789012:cluster/shop");
    EcsService elsewhere = service("web", "us-east-1", "shop");

    assertThat(controller.driftCheckGroup(byName))
        .isEqualTo(controller.driftCheckGroup(byArn))
        .isEqualTo("eu-west-1/shop");
    assertThat(controller.driftCheckGroup(elsewhere)).isEqualTo("us-east-1/shop");
  }

  private static EcsService service(String name, String region, String cluster) {
    EcsService service = new EcsService();
    service.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("apps").build());
    service.setSpec(new EcsServiceSpec());
    service.getSpec().region = region;
    service.getSpec().cluster = cluster;
    return service;
  }

  private static Service service() {
    return Service.builder()
        .serviceArn("arn:aws:ecs:eu-west-1:123456789012:service/shop/web")
        .clusterArn("arn:aws:ecs:eu-west-1:123456789012:cluster/shop")
        .serviceName("web")
        .status("ACTIVE")
        .taskDefinition(WEB_7)
        .desiredCount(3)
        .runningCount(2)
        .pendingCount(1)
        .deployments(
            Deployment.builder().id("ecs-svc/1").status("ACTIVE").rolloutState("COMPLETED").build(),
            Deployment.builder()
                .id("ecs-svc/2")
                .status("PRIMARY")
                .rolloutState("IN_PROGRESS")
                .rolloutStateReason("in progress")
                .failedTasks(1)
                .build())
        .build();
  }
}

package io.ecsoperator.reconcilers.aws;

import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The AWS clients of one region, sharing one call guard. */
public record AwsClients(
    String region,
    EcrClient ecr,
    EcsClient ecs,
    ApplicationAutoScalingClient autoScaling,
    ResourceGroupsTaggingApiClient tagging,
    CloudWatchLogsClient logs,
    SchedulerClient scheduler,
    StsClient sts,
    AwsCallGuard guard) {

  /** An ECS call of the given throttling bucket, through the guard. */
  public <T> T ecsCall(ApiCategory category, Function<EcsClient, T> call) {
    return guard.call(category, () -> call.apply(ecs));
  }

  /** An ECS call whose answer is not needed, through the guard. */
  public void ecsRun(ApiCategory category, Consumer<EcsClient> call) {
    guard.run(category, () -> call.accept(ecs));
  }

  /** An ECR call that only reads, through the guard. */
  public <T> T ecrRead(Function<EcrClient, T> call) {
    return guard.call(ApiCategory.ECR_READ, () -> call.apply(ecr));
  }

  /** An ECR call that writes, through the guard. */
  public <T> T ecrModify(Function<EcrClient, T> call) {
    return guard.call(ApiCategory.ECR_MODIFY, () -> call.apply(ecr));
  }
}

package io.ecsoperator.reconcilers.aws;

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
    AwsCallGuard guard) {}

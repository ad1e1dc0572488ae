package io.ecsoperator.reconcilers.scheduledtask;

import io.ecsoperator.crds.task.EcsScheduledTaskSpec;
import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.scheduler.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.scheduler.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.EcsParameters;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.PlacementConstraint;
import software.amazon.awssdk.services.scheduler.model.PlacementStrategy;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/**
 * The whole schedule an EcsScheduledTask asks for, in UpdateSchedule's shape: UpdateSchedule
 * replaces every field ("if you do not set an optional field in your request, that field will be
 * set to its system-default value"), so create, update and the diff all start from this one
 * request.
 */
public final class ScheduleRequests {

  /** Tag of the tasks a schedule starts: its group/name, to find them among the family's tasks. */
  public static final String SCHEDULE_TAG = "ecsoperator.io/schedule";

  private ScheduleRequests() {}

  /**
   * @param target where and what the schedule runs, resolved by the caller
   */
  public static UpdateScheduleRequest desired(
      ResourceRef ref, EcsScheduledTaskSpec spec, ScheduleId id, ScheduleTarget target) {
    UpdateScheduleRequest.Builder request =
        UpdateScheduleRequest.builder()
            .name(id.name())
            .groupName(id.group())
            .description(ScheduleOwnership.description(ref))
            .scheduleExpression(spec.schedule)
            .scheduleExpressionTimezone(spec.timeZone)
            .state(
                Boolean.TRUE.equals(spec.suspend) ? ScheduleState.DISABLED : ScheduleState.ENABLED)
            .flexibleTimeWindow(window(spec.startingDeadlineSeconds))
            .target(target(ref, spec, id, target));
    if (spec.startDate != null) {
      request.startDate(OffsetDateTime.parse(spec.startDate).toInstant());
    }
    if (spec.endDate != null) {
      request.endDate(OffsetDateTime.parse(spec.endDate).toInstant());
    }
    return request.build();
  }

  /** The same schedule as CreateSchedule takes it (the two requests share their members). */
  public static CreateScheduleRequest create(UpdateScheduleRequest desired) {
    return SdkJson.fromJson(SdkJson.toJson(desired), CreateScheduleRequest.builder());
  }

  /** The tasks' tags: the user's, ownership, and the schedule's own. */
  static Map<String, String> taskTags(ResourceRef ref, EcsScheduledTaskSpec spec, ScheduleId id) {
    Map<String, String> tags = new TreeMap<>(spec.tagsOrEmpty());
    tags.putAll(ownershipTags(ref, id));
    return tags;
  }

  /** The tags by which the runs of this object's schedule are found. */
  static Map<String, String> ownershipTags(ResourceRef ref, ScheduleId id) {
    Map<String, String> tags = new TreeMap<>(ref.ownershipTags());
    tags.put(SCHEDULE_TAG, id.toString());
    return tags;
  }

  /**
   * startingDeadlineSeconds is a flexible window in minutes; without it, OFF (AWS's only other).
   */
  private static FlexibleTimeWindow window(Integer startingDeadlineSeconds) {
    return startingDeadlineSeconds == null
        ? FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build()
        : FlexibleTimeWindow.builder()
            .mode(FlexibleTimeWindowMode.FLEXIBLE)
            .maximumWindowInMinutes(startingDeadlineSeconds / 60)
            .build();
  }

  private static Target target(
      ResourceRef ref, EcsScheduledTaskSpec spec, ScheduleId id, ScheduleTarget target) {
    Target.Builder builder =
        Target.builder()
            .arn(target.clusterArn())
            .roleArn(spec.roleArn)
            .ecsParameters(ecsParameters(spec.task, taskTags(ref, spec, id), target));
    if (spec.task.overrides != null) {
      // The ECS target's Input is RunTask's overrides, as JSON.
      builder.input(Json.write(spec.task.overrides));
    }
    if (spec.retryPolicy != null) {
      builder.retryPolicy(
          r ->
              r.maximumEventAgeInSeconds(spec.retryPolicy.maximumEventAgeInSeconds)
                  .maximumRetryAttempts(spec.retryPolicy.maximumRetryAttempts));
    }
    if (spec.deadLetterQueueArn != null) {
      builder.deadLetterConfig(d -> d.arn(spec.deadLetterQueueArn));
    }
    return builder.build();
  }

  private static EcsParameters ecsParameters(
      TaskTemplate task, Map<String, String> tags, ScheduleTarget target) {
    EcsParameters.Builder ecs =
        EcsParameters.builder()
            .taskDefinitionArn(target.taskDefinitionArn())
            .taskCount(task.count)
            .platformVersion(task.platformVersion)
            .group(task.group)
            .enableExecuteCommand(task.enableExecuteCommand)
            .enableECSManagedTags(task.enableECSManagedTags)
            .tags(ScheduleTags.toAws(tags));
    if (task.launchType != null) {
      ecs.launchType(task.launchType.name());
    }
    if (task.propagateTags == TaskTemplate.PropagateTags.TASK_DEFINITION) {
      // Scheduler knows only TASK_DEFINITION; NONE is its default, left out.
      ecs.propagateTags(task.propagateTags.name());
    }
    if (task.capacityProviderStrategy != null) {
      ecs.capacityProviderStrategy(
          task.capacityProviderStrategy.stream()
              .map(
                  s ->
                      CapacityProviderStrategyItem.builder()
                          .capacityProvider(target.providers().of(s))
                          .weight(s.weight)
                          .base(s.base)
                          .build())
              .toList());
    }
    if (task.networkConfiguration != null
        && task.networkConfiguration.awsvpcConfiguration != null) {
      var vpc = task.networkConfiguration.awsvpcConfiguration;
      ecs.networkConfiguration(
          n ->
              n.awsvpcConfiguration(
                  AwsVpcConfiguration.builder()
                      .subnets(vpc.subnets)
                      .securityGroups(vpc.securityGroups)
                      .assignPublicIp(vpc.assignPublicIp == null ? null : vpc.assignPublicIp.name())
                      .build()));
    }
    if (task.placementConstraints != null) {
      ecs.placementConstraints(
          task.placementConstraints.stream()
              .map(
                  c ->
                      PlacementConstraint.builder()
                          .type(c.type.name())
                          .expression(c.expression)
                          .build())
              .toList());
    }
    if (task.placementStrategy != null) {
      List<PlacementStrategy> strategy =
          task.placementStrategy.stream()
              .map(s -> PlacementStrategy.builder().type(s.type.name()).field(s.field).build())
              .toList();
      ecs.placementStrategy(strategy);
    }
    return ecs.build();
  }
}

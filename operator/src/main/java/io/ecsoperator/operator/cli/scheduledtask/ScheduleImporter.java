package io.ecsoperator.operator.cli.scheduledtask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.task.EcsScheduledTask;
import io.ecsoperator.crds.task.EcsScheduledTaskSpec;
import io.ecsoperator.crds.task.TaskOverride;
import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleDiff;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleId;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleOwnership;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleTags;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.scheduler.model.EcsParameters;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;

/**
 * The manifest of an existing schedule with an ECS target: only what differs from Scheduler's
 * defaults, {@code adopt: true}. The task runs on the cluster by name and on the revision the
 * schedule runs, pinned by ARN (taskDefinitionRef would follow an EcsTaskDefinition instead).
 */
final class ScheduleImporter {

  private static final String KIND = "EcsScheduledTask";

  private ScheduleImporter() {}

  /**
   * @param awsName {@code name} (group default) or {@code group/name}
   * @return null when there is no such schedule, or it does not run an ECS task
   */
  static EcsScheduledTask importSchedule(ImportContext context, String awsName) {
    int slash = awsName.indexOf('/');
    ScheduleId id =
        slash < 0
            ? ScheduleId.of(null, awsName)
            : ScheduleId.of(awsName.substring(0, slash), awsName.substring(slash + 1));
    GetScheduleResponse schedule;
    try {
      schedule =
          context.clients().scheduler().getSchedule(r -> r.groupName(id.group()).name(id.name()));
    } catch (ResourceNotFoundException absent) {
      return null;
    }
    if (schedule.target() == null || schedule.target().ecsParameters() == null) {
      return null;
    }
    EcsScheduledTask resource = new EcsScheduledTask();
    resource.setMetadata(
        context.newMetadata(KIND, id.name(), ScheduleOwnership.tagsOf(schedule.description())));
    resource.setSpec(spec(schedule, id, resource.getMetadata().getName(), context.specRegion()));
    return resource;
  }

  static EcsScheduledTaskSpec spec(
      GetScheduleResponse schedule, ScheduleId id, String objectName, String region) {
    EcsScheduledTaskSpec spec = new EcsScheduledTaskSpec();
    spec.adopt = true;
    spec.region = region;
    spec.scheduleName = id.name().equals(objectName) ? null : id.name();
    spec.groupName = ScheduleId.DEFAULT_GROUP.equals(id.group()) ? null : id.group();
    spec.schedule = schedule.scheduleExpression();
    spec.timeZone =
        "UTC".equals(schedule.scheduleExpressionTimezone())
            ? null
            : schedule.scheduleExpressionTimezone();
    spec.suspend = "DISABLED".equals(schedule.stateAsString()) ? true : null;
    spec.startDate = time(schedule.startDate());
    spec.endDate = time(schedule.endDate());
    var window = schedule.flexibleTimeWindow();
    if (window != null && "FLEXIBLE".equals(window.modeAsString())) {
      spec.startingDeadlineSeconds = window.maximumWindowInMinutes() * 60;
    }
    spec.retryPolicy = retryPolicy(schedule.target().retryPolicy());
    if (schedule.target().deadLetterConfig() != null) {
      spec.deadLetterQueueArn = schedule.target().deadLetterConfig().arn();
    }
    spec.roleArn = schedule.target().roleArn();
    EcsParameters ecs = schedule.target().ecsParameters();
    spec.task = task(ecs, schedule.target().arn(), schedule.target().input());
    Map<String, String> tags = new TreeMap<>(ScheduleTags.of(ecs.tags()));
    tags.keySet().removeIf(key -> key.startsWith("ecsoperator.io/"));
    spec.tags = tags.isEmpty() ? null : tags;
    return spec;
  }

  /**
   * The task template: Scheduler's EcsParameters are RunTask's fields with capitalised names (the
   * members of capacity provider and placement items are not), TaskCount being RunTask's count.
   */
  private static TaskTemplate task(EcsParameters ecs, String clusterArn, String input) {
    ObjectNode fields =
        (ObjectNode) uncapitalised(ScheduleDiff.withoutDefaults(SdkJson.toJson(ecs)));
    fields.remove(List.of("taskDefinitionArn", "tags", "referenceId", "taskCount"));
    TaskTemplate task = Json.MAPPER.convertValue(fields, TaskTemplate.class);
    if (ecs.taskCount() != null && ecs.taskCount() != 1) {
      task.count = ecs.taskCount();
    }
    task.cluster = clusterArn.substring(clusterArn.lastIndexOf('/') + 1);
    task.taskDefinition = ecs.taskDefinitionArn();
    if (input != null) {
      task.overrides = Json.MAPPER.convertValue(Json.parse(input), TaskOverride.class);
    }
    return task;
  }

  private static EcsScheduledTaskSpec.RetryPolicy retryPolicy(RetryPolicy aws) {
    if (aws == null) {
      return null;
    }
    EcsScheduledTaskSpec.RetryPolicy policy = new EcsScheduledTaskSpec.RetryPolicy();
    Integer age = aws.maximumEventAgeInSeconds();
    Integer attempts = aws.maximumRetryAttempts();
    policy.maximumEventAgeInSeconds =
        age == null || age == ScheduleDiff.DEFAULT_EVENT_AGE_SECONDS ? null : age;
    policy.maximumRetryAttempts =
        attempts == null || attempts == ScheduleDiff.DEFAULT_RETRY_ATTEMPTS ? null : attempts;
    return policy.maximumEventAgeInSeconds == null && policy.maximumRetryAttempts == null
        ? null
        : policy;
  }

  private static JsonNode uncapitalised(JsonNode node) {
    if (node.isArray()) {
      node.forEach(ScheduleImporter::uncapitalised);
      return node;
    }
    if (node instanceof ObjectNode object) {
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        fields.put(
            Character.toLowerCase(name.charAt(0)) + name.substring(1),
            uncapitalised(field.getValue()));
      }
      object.removeAll();
      fields.forEach(object::set);
    }
    return node;
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

package io.ecsoperator.reconcilers.task;

import io.ecsoperator.crds.task.TaskAttempt;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Outputs of {@code aws ecs describe-tasks --include TAGS} saved under {@code fixtures/task/}
 * (shaped as AWS prints them: attachments, ENI details, pull times, container runtime IDs and
 * digests, tags), read into the SDK model as the SDK hands a response to the adapter. The task
 * definition they run: an essential {@code app} logging with awslogs and a non-essential {@code
 * log-router}.
 */
final class TaskFixtures {

  static final String EXITED_0 = "describe-tasks-exited-0.json";
  static final String EXITED_3 = "describe-tasks-exited-3.json";
  static final String CANNOT_PULL = "describe-tasks-cannot-pull.json";
  static final String RUNNING = "describe-tasks-running.json";
  static final String STOPPED_BY_USER = "describe-tasks-stopped-by-user.json";

  static final TaskDefinition MIGRATE =
      TaskDefinition.builder()
          .taskDefinitionArn("arn:aws:ecs:eu-west-1:123456789012:task-definition/migrate:7")
          .containerDefinitions(
              ContainerDefinition.builder()
                  .name("app")
                  .essential(true)
                  .logConfiguration(
                      LogConfiguration.builder()
                          .logDriver("awslogs")
                          .options(
                              Map.of(
                                  "awslogs-group", "/ecs/migrate",
                                  "awslogs-region", "eu-west-1",
                                  "awslogs-stream-prefix", "migrate"))
                          .build())
                  .build(),
              ContainerDefinition.builder().name("log-router").essential(false).build())
          .build();

  private TaskFixtures() {}

  static Task task(String fixture) {
    String resource = "/fixtures/task/" + fixture;
    try (InputStream in = TaskFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return SdkJson.fromJson(
              Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
              DescribeTasksResponse.builder())
          .tasks()
          .get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An attempt with the task of each fixture, as the status records it. */
  static TaskAttempt attempt(int number, String... fixtures) {
    TaskAttempt attempt = new TaskAttempt();
    attempt.attempt = number;
    for (String fixture : fixtures) {
      attempt.tasks.add(TaskRuns.of(task(fixture), MIGRATE));
    }
    return attempt;
  }
}

package io.ecsoperator.operator.cli.run;

import io.ecsoperator.crds.task.TaskAttempt;
import io.ecsoperator.crds.task.TaskRun;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.ecsoperator.reconcilers.task.EcsTaskState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Prints the CloudWatch Logs lines of a task's containers as they arrive. Each stream is read on
 * from where the last read ended (GetLogEvents' forward token), so no line is printed twice.
 */
final class TaskLogs {

  /** One container's stream, and where reading it goes on from. */
  private static final class Stream {
    final String prefix;
    final AwsClients clients;
    final String group;
    final String name;
    String token;

    Stream(String prefix, AwsClients clients, String group, String name) {
      this.prefix = prefix;
      this.clients = clients;
      this.group = group;
      this.name = name;
    }
  }

  private final AwsClientFactory aws;
  private final String taskRegion;
  private final PrintWriter out;
  private final Map<String, Stream> streams = new LinkedHashMap<>();

  /**
   * @param taskRegion where the task runs, for log groups without awslogs-region; null for the
   *     default region
   */
  TaskLogs(AwsClientFactory aws, String taskRegion, PrintWriter out) {
    this.aws = aws;
    this.taskRegion = taskRegion;
    this.out = out;
  }

  /**
   * Follows the streams of every container of the state's tasks that logs to CloudWatch. Lines are
   * prefixed with the container's name, and with the task's short ID when an attempt has several
   * tasks; the lines of a later attempt follow a line that says so.
   */
  void follow(EcsTaskState state) {
    for (TaskAttempt attempt : state.attempts()) {
      boolean announced = false;
      for (TaskRun task : attempt.tasks) {
        if (task.taskArn == null) {
          continue;
        }
        String taskId = task.taskArn.substring(task.taskArn.lastIndexOf('/') + 1);
        for (TaskRun.ContainerOutcome container : task.containers) {
          if (container.logGroup == null
              || container.logStream == null
              || streams.containsKey(container.logStream)) {
            continue;
          }
          if (!announced && attempt.attempt != null && attempt.attempt > 1) {
            out.println("--- attempt " + attempt.attempt + " ---");
            announced = true;
          }
          String prefix = attempt.tasks.size() > 1 ? taskId + "/" : "";
          streams.put(
              container.logStream,
              new Stream(
                  prefix + container.name,
                  aws.forRegion(container.logRegion != null ? container.logRegion : taskRegion),
                  container.logGroup,
                  container.logStream));
        }
      }
    }
  }

  /**
   * Prints the lines written since the last call. Logs are a courtesy: a stream that cannot be read
   * (no logs:GetLogEvents for the caller, say) is dropped with a notice, and never fails the run.
   */
  void printNew() {
    streams
        .values()
        .removeIf(
            stream -> {
              try {
                printNew(stream);
                return false;
              } catch (TerminalException stopped) {
                return false; // Ctrl-C: no more AWS calls; the run ends now
              } catch (SdkException unreadable) {
                out.println(
                    "(no more log lines of "
                        + stream.prefix
                        + ": "
                        + unreadable.getMessage()
                        + ")");
                return true;
              }
            });
    out.flush();
  }

  private void printNew(Stream stream) {
    while (true) {
      GetLogEventsResponse page;
      try {
        page =
            stream
                .clients
                .guard()
                .call(
                    ApiCategory.LOGS_READ,
                    () ->
                        stream
                            .clients
                            .logs()
                            .getLogEvents(
                                r ->
                                    r.logGroupName(stream.group)
                                        .logStreamName(stream.name)
                                        .startFromHead(true)
                                        .nextToken(stream.token)));
      } catch (ResourceNotFoundException notYet) {
        return; // the container has not written its first line yet
      }
      for (OutputLogEvent event : page.events()) {
        out.println(stream.prefix + " | " + event.message());
      }
      // At the end of the stream GetLogEvents hands back the token it was given.
      boolean end =
          page.events().isEmpty() || Objects.equals(page.nextForwardToken(), stream.token);
      stream.token = page.nextForwardToken();
      if (end) {
        return;
      }
    }
  }
}

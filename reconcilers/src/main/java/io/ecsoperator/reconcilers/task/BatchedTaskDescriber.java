package io.ecsoperator.reconcilers.task;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * DescribeTasks for all the EcsTasks of one cluster at once (DESIGN §8: up to 100 tasks a call):
 * asked for one object's tasks, it describes every task of the cluster some object still waits on,
 * and keeps the answers for {@code maxAge}, so the objects polling within that time share one call.
 * A task leaves the batch once it was seen STOPPED or ECS has forgotten it. Thread-safe; one
 * instance serves every EcsTask object.
 */
public final class BatchedTaskDescriber {

  /** DescribeTasks {@code tasks}: "A list of up to 100 task IDs or full ARN entries." */
  static final int BATCH = 100;

  /** An answer and when it was read (nanoseconds); a null task: ECS does not know it. */
  private record Answer(Task task, long at) {}

  /** The tasks of one cluster of one region that objects wait on, and the answers at hand. */
  private static final class Cluster {
    final Set<String> waitedOn = new LinkedHashSet<>();
    final Map<String, Answer> answers = new HashMap<>();
  }

  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Cluster> clusters = new ConcurrentHashMap<>();

  public BatchedTaskDescriber(Duration maxAge) {
    this(maxAge, System::nanoTime);
  }

  BatchedTaskDescriber(Duration maxAge, LongSupplier nanoTime) {
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The tasks ECS still knows of these, with their tags; forgotten ones are left out. */
  public List<Task> describe(AwsClients clients, String cluster, Collection<String> taskArns) {
    Cluster batch = clusters.computeIfAbsent(clients.region() + "/" + cluster, k -> new Cluster());
    // One call per cluster at a time: a reconcile arriving meanwhile waits and uses its answer.
    synchronized (batch) {
      batch.waitedOn.addAll(taskArns);
      long now = nanoTime.getAsLong();
      boolean fresh =
          taskArns.stream()
              .map(batch.answers::get)
              .allMatch(a -> a != null && now - a.at() <= maxAgeNanos);
      if (!fresh) {
        describeAll(clients, cluster, batch, now);
      }
      List<Task> tasks = new ArrayList<>();
      for (String arn : taskArns) {
        Answer answer = batch.answers.get(arn);
        if (answer != null && answer.task() != null) {
          tasks.add(answer.task());
        }
        if (answer == null
            || answer.task() == null
            || TaskRuns.STOPPED.equals(lastStatus(answer))) {
          // Its object has recorded the task as it ends: nobody asks for it again.
          batch.answers.remove(arn);
        }
      }
      return tasks;
    }
  }

  private static void describeAll(AwsClients clients, String cluster, Cluster batch, long now) {
    List<String> all = List.copyOf(batch.waitedOn);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<String> arns = all.subList(from, Math.min(all.size(), from + BATCH));
      List<Task> found =
          clients
              .ecsCall(
                  ApiCategory.ECS_CLUSTER_READ,
                  ecs ->
                      ecs.describeTasks(
                          r -> r.cluster(cluster).tasks(arns).include(TaskField.TAGS)))
              .tasks();
      arns.forEach(arn -> batch.answers.put(arn, new Answer(null, now)));
      for (Task task : found) {
        batch.answers.put(task.taskArn(), new Answer(task, now));
        if (TaskRuns.STOPPED.equals(task.lastStatus())) {
          batch.waitedOn.remove(task.taskArn());
        }
      }
      arns.stream()
          .filter(arn -> batch.answers.get(arn).task() == null)
          .forEach(batch.waitedOn::remove);
    }
  }

  private static String lastStatus(Answer answer) {
    return Objects.requireNonNull(answer.task()).lastStatus();
  }
}

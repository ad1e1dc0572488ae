package io.ecsoperator.reconcilers.service;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * Reads services with as few DescribeServices calls as AWS allows (DESIGN §8): asked for one
 * service, it describes it together with up to 9 other services of the same region and cluster that
 * it has been asked for before, and keeps those answers for a short while, so the drift checks of
 * 50 services of one cluster make about 5 calls. Answers are never older than {@code maxAge}; a
 * fresh read (after our own writes, or for a new generation of the spec) always calls AWS, and
 * {@link #invalidate} drops an answer that our own write made stale. Two reads of the same service
 * at once share one call. Thread-safe; one instance serves every service object.
 *
 * <p>Batching needs the reads of a cluster's services to come within {@code maxAge} of each other.
 * Drift checks timed from each object's own last reconcile do not: services created or changed at
 * different times are checked at different times, and each check then makes a call of its own. So
 * the operator checks all the services of one {@link #batchGroup} at the same instant.
 */
public final class BatchedServiceReader {

  /** DescribeServices takes up to 10 services. */
  public static final int BATCH = 10;

  /**
   * One DescribeServices call of one cluster: the services found, by name (INACTIVE ones included);
   * the names missing from the answer do not exist.
   */
  @FunctionalInterface
  public interface Describe {
    Map<String, Service> call(String region, String cluster, List<String> serviceNames);
  }

  /** A service of a cluster of a region; the cluster by name. */
  record Key(String region, String cluster, String service) {

    Group group() {
      return new Group(region, cluster);
    }
  }

  private record Group(String region, String cluster) {}

  /** An answer, or a call still under way; {@code startedAt} in nanoseconds. */
  private record Entry(CompletableFuture<Service> answer, long startedAt) {}

  private final Describe describe;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private final Map<Key, Entry> answers = new HashMap<>();
  private final Map<Group, Set<String>> known = new HashMap<>();

  public BatchedServiceReader(Describe describe, Duration maxAge, LongSupplier nanoTime) {
    this.describe = describe;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * The services whose reads batch together: those of one cluster (by name or ARN) of one region.
   * Equal strings for exactly those.
   */
  public static String batchGroup(String region, String cluster) {
    return region + "/" + ResolvedService.clusterName(cluster);
  }

  /** The production reader: DescribeServices with tags, through each region's call guard. */
  public static BatchedServiceReader on(AwsClientFactory aws, Duration maxAge) {
    return on(aws, maxAge, System::nanoTime);
  }

  /** The same, on another clock (nanoseconds), e.g. one a test moves on. */
  public static BatchedServiceReader on(
      AwsClientFactory aws, Duration maxAge, LongSupplier nanoTime) {
    return new BatchedServiceReader(
        (region, cluster, names) -> describeServices(aws.forRegion(region), cluster, names),
        maxAge,
        nanoTime);
  }

  /**
   * The service as AWS describes it (tags included), or null when it does not exist.
   *
   * @param fresh true to ignore answers already at hand
   */
  public Service read(String region, String cluster, String service, boolean fresh) {
    Key key = new Key(region, ResolvedService.clusterName(cluster), service);
    CompletableFuture<Service> answer;
    Map<Key, Entry> batch = null;
    synchronized (this) {
      known.computeIfAbsent(key.group(), g -> new LinkedHashSet<>()).add(service);
      Entry entry = answers.get(key);
      if (!fresh && entry != null && usable(entry)) {
        answer = entry.answer();
      } else {
        batch = startBatch(key);
        answer = batch.get(key).answer();
      }
    }
    if (batch != null) {
      fetch(key.group(), batch);
    }
    try {
      return answer.join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }

  /** Drops the answer at hand for a service we just changed. */
  public synchronized void invalidate(String region, String cluster, String service) {
    answers.remove(new Key(region, ResolvedService.clusterName(cluster), service));
  }

  /** Stops describing a service along with others: its object is gone. */
  public synchronized void forget(String region, String cluster, String service) {
    Key key = new Key(region, ResolvedService.clusterName(cluster), service);
    answers.remove(key);
    Set<String> services = known.get(key.group());
    if (services != null) {
      services.remove(service);
    }
  }

  /**
   * The asked service and up to 9 known services of its cluster that have no usable answer, the
   * longest unread first; each gets an entry whose answer the call will complete.
   */
  private Map<Key, Entry> startBatch(Key asked) {
    long now = nanoTime.getAsLong();
    List<Key> keys = new ArrayList<>();
    keys.add(asked);
    known.get(asked.group()).stream()
        .map(name -> new Key(asked.region(), asked.cluster(), name))
        .filter(k -> !k.equals(asked))
        .filter(k -> answers.get(k) == null || !usable(answers.get(k)))
        .sorted(Comparator.comparingLong(k -> startedAt(answers.get(k))))
        .limit(BATCH - 1)
        .forEach(keys::add);
    Map<Key, Entry> batch = new LinkedHashMap<>();
    keys.forEach(k -> batch.put(k, new Entry(new CompletableFuture<>(), now)));
    answers.putAll(batch);
    return batch;
  }

  /** Makes the call and completes the batch's answers; a failure drops them. */
  private void fetch(Group group, Map<Key, Entry> batch) {
    try {
      Map<String, Service> found =
          describe.call(
              group.region(), group.cluster(), batch.keySet().stream().map(Key::service).toList());
      batch.forEach((key, entry) -> entry.answer().complete(found.get(key.service())));
    } catch (RuntimeException error) {
      synchronized (this) {
        batch.forEach(answers::remove);
      }
      batch.values().forEach(e -> e.answer().completeExceptionally(error));
    }
  }

  /** Under way, or answered less than maxAge ago. */
  private boolean usable(Entry entry) {
    return !entry.answer().isDone()
        || !entry.answer().isCompletedExceptionally()
            && nanoTime.getAsLong() - entry.startedAt() < maxAgeNanos;
  }

  private static long startedAt(Entry entry) {
    return entry == null ? Long.MIN_VALUE : entry.startedAt();
  }

  private static Map<String, Service> describeServices(
      AwsClients clients, String cluster, List<String> names) {
    DescribeServicesResponse response =
        clients
            .guard()
            .call(
                ApiCategory.ECS_SERVICE_READ,
                () ->
                    clients
                        .ecs()
                        .describeServices(
                            r -> r.cluster(cluster).services(names).include(ServiceField.TAGS)));
    List<Failure> unexpected =
        response.failures().stream().filter(f -> !"MISSING".equals(f.reason())).toList();
    if (!unexpected.isEmpty()) {
      Failure failure = unexpected.get(0);
      throw new IllegalStateException(
          "DescribeServices failed for "
              + failure.arn()
              + ": "
              + failure.reason()
              + (failure.detail() == null ? "" : " (" + failure.detail() + ")"));
    }
    Map<String, Service> found = new HashMap<>();
    response.services().forEach(s -> found.put(s.serviceName(), s));
    return found;
  }
}

package io.ecsoperator.reconcilers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;

/** The batching and caching of DescribeServices, against a recorded fake of the call. */
class BatchedServiceReaderTest {

  private static final String REGION = "eu-west-1";
  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  /** The calls made: region/cluster and the services asked, in order. */
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  private final Set<String> existing = Collections.synchronizedSet(new java.util.HashSet<>());
  private final AtomicLong now = new AtomicLong();
  private final BatchedServiceReader reader =
      new BatchedServiceReader(this::describe, MAX_AGE, now::get);

  private Map<String, Service> describe(String region, String cluster, List<String> names) {
    calls.add(region + "/" + cluster + " " + names);
    assertThat(names).hasSizeLessThanOrEqualTo(BatchedServiceReader.BATCH);
    Map<String, Service> found = new HashMap<>();
    names.stream()
        .filter(existing::contains)
        .forEach(n -> found.put(n, Service.builder().serviceName(n).status("ACTIVE").build()));
    return found;
  }

  private List<String> services(int count) {
    List<String> names = IntStream.rangeClosed(1, count).mapToObj(i -> "svc-" + i).toList();
    existing.addAll(names);
    return names;
  }

  private void readAll(List<String> names) {
    names.forEach(
        n -> assertThat(reader.read(REGION, "shop", n, false).serviceName()).isEqualTo(n));
  }

  @Test
  void aDriftPassOf50KnownServicesOfOneClusterMakes5Calls() {
    List<String> names = services(50);
    readAll(names);
    now.addAndGet(MAX_AGE.toNanos());
    calls.clear();

    readAll(names);

    assertThat(calls).hasSize(5);
    assertThat(calls.get(0))
        .isEqualTo(
            REGION
                + "/shop [svc-1, svc-2, svc-3, svc-4, svc-5, svc-6, svc-7, svc-8, svc-9, svc-10]");
  }

  @Test
  void answersAreKeptOnlyUntilTheyAreMaxAgeOld() {
    List<String> names = services(2);
    readAll(names);
    now.addAndGet(MAX_AGE.toNanos());
    reader.read(REGION, "shop", "svc-1", false);
    calls.clear();

    now.addAndGet(MAX_AGE.toNanos() - 1);
    reader.read(REGION, "shop", "svc-2", false);
    now.addAndGet(1);
    reader.read(REGION, "shop", "svc-2", false);

    assertThat(calls).as("the second read is maxAge after the batch").hasSize(1);
  }

  @Test
  void aFreshReadAndAReadAfterInvalidateCallAws() {
    List<String> names = services(3);
    readAll(names);
    now.addAndGet(MAX_AGE.toNanos());
    reader.read(REGION, "shop", "svc-1", false);
    calls.clear();

    reader.read(REGION, "shop", "svc-2", true);
    reader.invalidate(REGION, "shop", "svc-3");
    reader.read(REGION, "shop", "svc-3", false);
    reader.read(REGION, "shop", "svc-1", false);

    assertThat(calls).containsExactly(REGION + "/shop [svc-2]", REGION + "/shop [svc-3]");
  }

  @Test
  void clustersAndRegionsAreBatchedApartAndAClusterArnIsItsName() {
    services(2);
    reader.read(REGION, "shop", "svc-1", false);
    reader.read("us-east-1", "shop", "svc-2", false);
    reader.read(REGION, "other", "svc-2", false);
    now.addAndGet(MAX_AGE.toNanos());
    calls.clear();

    reader.read(REGION, "arn:aws:ecs:eu-west-1:123456789012:cluster/shop", "svc-1", false);

    assertThat(calls).containsExactly(REGION + "/shop [svc-1]");
  }

  @Test
  void aMissingServiceIsNullAndForgottenServicesAreNotDescribedAlong() {
    List<String> names = services(3);
    readAll(names);
    reader.forget(REGION, "shop", "svc-2");
    now.addAndGet(MAX_AGE.toNanos());
    calls.clear();

    assertThat(reader.read(REGION, "shop", "gone", false)).isNull();

    assertThat(calls).containsExactly(REGION + "/shop [gone, svc-1, svc-3]");
  }

  @Test
  void aFailedCallFailsItsReadersAndIsNotKept() {
    BatchedServiceReader failing =
        new BatchedServiceReader(
            (region, cluster, names) -> {
              calls.add(String.valueOf(names));
              throw new IllegalStateException("throttled");
            },
            MAX_AGE,
            now::get);

    assertThatThrownBy(() -> failing.read(REGION, "shop", "svc-1", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("throttled");
    assertThatThrownBy(() -> failing.read(REGION, "shop", "svc-1", false))
        .isInstanceOf(IllegalStateException.class);
    assertThat(calls).hasSize(2);
  }

  @Test
  void readsOfOneServiceAtOnceShareOneCall() throws Exception {
    CountDownLatch callStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BatchedServiceReader slow =
        new BatchedServiceReader(
            (region, cluster, names) -> {
              calls.add(String.valueOf(names));
              callStarted.countDown();
              await(release);
              return Map.of("svc-1", Service.builder().serviceName("svc-1").build());
            },
            MAX_AGE,
            now::get);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Service> first = threads.submit(() -> slow.read(REGION, "shop", "svc-1", false));
      assertThat(callStarted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Service> second = threads.submit(() -> slow.read(REGION, "shop", "svc-1", false));
      release.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS).serviceName()).isEqualTo("svc-1");
      assertThat(second.get(10, TimeUnit.SECONDS).serviceName()).isEqualTo("svc-1");
      assertThat(calls).hasSize(1);
    } finally {
      threads.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.operator.cluster.EcsClusterController;
import io.ecsoperator.operator.controller.DriftCheckSchedule;
import io.ecsoperator.operator.taskdefinition.EcsTaskDefinitionController;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.operator.testsupport.OperatorProcess;
import io.ecsoperator.reconcilers.service.BatchedServiceReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issues 4 and 13's figures: the AWS calls (by operation) and Kubernetes writes of one drift pass
 * over 50 in-sync EcsServices of one cluster, each with its own EcsTaskDefinition, with the real
 * operator, API server and moto ({@code -DdriftBench.services=200} for more). The pass must write
 * nothing anywhere; DescribeServices must batch: ceil(50 / 10) = 5 calls, plus one of slack for a
 * batch whose answers age past the reader's maximum age before its last service is checked (a slow
 * machine); and the task definitions must share one sweep of the region instead of one
 * DescribeTaskDefinition each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftPassBenchmarkIT {

  private static final int SERVICES = Integer.getInteger("driftBench.services", 50);
  private static final int MAX_DESCRIBE_SERVICES = (SERVICES + 9) / 10 + 1;
  private static final Duration RESYNC = Duration.ofSeconds(10);

  /** Registering is the slowest: AWS allows 1 RegisterTaskDefinition a second after 20. */
  private static final Duration WAIT = Duration.ofSeconds(60 + SERVICES);

  private static final Map<String, Integer> OBJECTS =
      Map.of("EcsService", SERVICES, "EcsCluster", 1, "EcsTaskDefinition", SERVICES);

  /**
   * Calls of each of a sweep's two list operations: a page per 100 revisions, plus one of slack as
   * for DescribeServices.
   */
  private static final int MAX_SWEEP_PAGES = (SERVICES + 99) / 100 + 1;

  private static final String CLUSTER =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsCluster
      metadata:
        name: bench
      spec: {}
      """;

  private static final String TASK_DEFINITION =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsTaskDefinition
      metadata:
        name: web-%02d
      spec:
        networkMode: awsvpc
        requiresCompatibilities: [FARGATE]
        cpu: "256"
        memory: "512"
        containerDefinitions:
          - name: web
            image: nginx:1.27
      """;

  private static final String SERVICE =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsService
      metadata:
        name: web-%02d
      spec:
        clusterRef:
          name: bench
        taskDefinitionRef:
          name: web-%02d
        desiredCount: 1
        launchType: FARGATE
      """;

  private OperatorHarness h;

  @BeforeAll
  void startOperator() {
    h = OperatorHarness.start("drift-bench", RESYNC);
    h.bed.resetAws();
  }

  @AfterAll
  void stopOperator() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void aNoOpDriftPassOf50ServicesBatchesDescribeServicesAndWritesNothing() throws Exception {
    long started = System.nanoTime();
    h.apply(CLUSTER).assertSuccess("apply the cluster");
    createTaskDefinitions();
    createServicesOverOneResyncInterval();
    allReady("ecsservice");
    clusterCountedTheServices();
    long ready = System.nanoTime();

    waitUntilAPassIsAhead();

    h.calls.reset();
    h.writes.reset();
    Map<String, Double> before = reconciles();
    long passStarted = System.nanoTime();
    AtomicLong firstServiceCheck = new AtomicLong();
    AtomicLong lastServiceCheck = new AtomicLong();
    await()
        .atMost(RESYNC.plus(WAIT))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              Map<String, Double> pass = since(before, reconciles());
              if (pass.get("EcsService") > 0) {
                firstServiceCheck.compareAndSet(0, System.nanoTime());
              }
              if (pass.get("EcsService") >= SERVICES) {
                lastServiceCheck.compareAndSet(0, System.nanoTime());
              }
              return done(pass);
            });
    long passEnded = System.nanoTime();
    Map<String, Integer> aws = h.calls.all();
    Map<String, Integer> awsWrites = h.calls.writes();
    Map<String, Integer> kubeWrites = h.writes.all();
    Map<String, Double> pass = since(before, reconciles());

    System.out.println(
        table(pass, aws, awsWrites, kubeWrites)
            + String.format(
                "setup until all Ready: %d ms; pass watched for %d ms; the %d service checks took"
                    + " %d ms (polled every 20 ms)%n",
                Duration.ofNanos(ready - started).toMillis(),
                Duration.ofNanos(passEnded - passStarted).toMillis(),
                SERVICES,
                Duration.ofNanos(lastServiceCheck.get() - firstServiceCheck.get()).toMillis()));
    assertThat(pass).as("one drift check per object").isEqualTo(asDoubles(OBJECTS));
    assertThat(awsWrites).as("AWS writes").isEmpty();
    assertThat(kubeWrites).as("Kubernetes writes").isEmpty();
    assertThat(aws.getOrDefault("DescribeServices", 0))
        .as("DescribeServices calls")
        .isBetween(1, MAX_DESCRIBE_SERVICES);
    assertThat(aws.getOrDefault("GetResources", 0)).isBetween(1, MAX_SWEEP_PAGES);
    assertThat(aws.getOrDefault("ListTaskDefinitions", 0)).isBetween(1, MAX_SWEEP_PAGES);
    assertThat(aws.getOrDefault("DescribeTaskDefinition", 0)).as("no revision described").isZero();
  }

  /**
   * Waits for the middle of the longest time without drift checks, so that the pass watched next
   * (one resync interval from there) has every object's check once, far from its edges: the checks
   * fall on the grid of {@link DriftCheckSchedule}, at one instant for the services of the cluster,
   * one for the task definitions of the region and one for the clusters of the region.
   */
  private void waitUntilAPassIsAhead() throws InterruptedException {
    Instant now = Instant.now();
    List<String> groups =
        List.of(
            BatchedServiceReader.batchGroup(h.bed.region(), "bench"),
            EcsClusterController.driftCheckGroup(h.bed.region()),
            EcsTaskDefinitionController.driftCheckGroup(h.bed.region()));
    List<Instant> due =
        groups.stream()
            .map(group -> now.plus(DriftCheckSchedule.untilNext(now, RESYNC, group)))
            .sorted()
            .toList();
    Instant quietest = due.get(0);
    Duration longest = Duration.ZERO;
    for (int i = 0; i < due.size(); i++) {
      Instant next = i + 1 < due.size() ? due.get(i + 1) : due.get(0).plus(RESYNC);
      Duration gap = Duration.between(due.get(i), next);
      if (gap.compareTo(longest) > 0) {
        longest = gap;
        quietest = due.get(i).plus(gap.dividedBy(2));
      }
    }
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), quietest).toMillis()));
  }

  private void createTaskDefinitions() {
    StringBuilder all = new StringBuilder();
    for (int i = 1; i <= SERVICES; i++) {
      all.append("---\n").append(TASK_DEFINITION.formatted(i));
    }
    h.apply(all.toString()).assertSuccess("apply the task definitions");
    allReady("ecstaskdefinition");
  }

  /**
   * Services are created one after the other over one resync interval, as services come and go over
   * days in a real cluster: their last reconciles, from which JOSDK would time their drift checks,
   * are spread out.
   */
  private void createServicesOverOneResyncInterval() throws InterruptedException {
    for (int i = 1; i <= SERVICES; i++) {
      EcsService service =
          h.client
              .getKubernetesSerialization()
              .unmarshal(SERVICE.formatted(i, i), EcsService.class);
      h.client.resource(service).inNamespace(h.namespace).create();
      Thread.sleep(RESYNC.toMillis() / SERVICES);
    }
  }

  /**
   * Waits for a drift check of the cluster after the last service started, and for its status write
   * (new task counts): from then on nothing changes, and the next checks are no-ops.
   */
  private void clusterCountedTheServices() throws InterruptedException {
    double checks = reconciles().get("EcsCluster");
    await().atMost(RESYNC.plus(WAIT)).until(() -> reconciles().get("EcsCluster") > checks);
    int writes;
    do {
      writes = h.writes.total();
      Thread.sleep(1000);
    } while (h.writes.total() != writes);
  }

  /** Waits for every object of a kind, a minute per kubectl wait (the bed stops it at two). */
  private void allReady(String kind) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                h.kubectl("wait", "--for=condition=Ready", kind, "--all", "--timeout=60s")
                        .exitCode()
                    == 0);
  }

  /** Reconciles so far by kind, as the operator's metrics count them. */
  private Map<String, Double> reconciles() {
    String scrape = h.metrics().scrape();
    Map<String, Double> counts = new LinkedHashMap<>();
    OBJECTS
        .keySet()
        .forEach(
            kind ->
                counts.put(
                    kind,
                    OperatorProcess.sum(
                        scrape,
                        "ecsoperator_reconciles_seconds_count",
                        "kind=\"" + kind + "\"",
                        "operation=\"reconcile\"")));
    return counts;
  }

  private static boolean done(Map<String, Double> pass) {
    return OBJECTS.entrySet().stream().allMatch(e -> pass.get(e.getKey()) >= e.getValue());
  }

  private static Map<String, Double> since(Map<String, Double> before, Map<String, Double> now) {
    Map<String, Double> pass = new LinkedHashMap<>();
    now.forEach((kind, n) -> pass.put(kind, n - before.get(kind)));
    return pass;
  }

  private static Map<String, Double> asDoubles(Map<String, Integer> counts) {
    Map<String, Double> doubles = new LinkedHashMap<>();
    counts.forEach((k, v) -> doubles.put(k, v.doubleValue()));
    return doubles;
  }

  private static String table(
      Map<String, Double> pass,
      Map<String, Integer> aws,
      Map<String, Integer> awsWrites,
      Map<String, Integer> kubeWrites) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format("%nOne drift pass, resync %ds: reconciles %s%n", RESYNC.toSeconds(), pass));
    out.append(String.format("  %-32s %6s%n", "AWS operation", "calls"));
    aws.forEach((op, n) -> out.append(String.format("  %-32s %6d%n", op, n)));
    out.append(
        String.format(
            "  %-32s %6d%n", "AWS writes", awsWrites.values().stream().mapToInt(i -> i).sum()));
    kubeWrites.forEach((w, n) -> out.append(String.format("  K8s %-28s %6d%n", w, n)));
    out.append(
        String.format(
            "  %-32s %6d%n",
            "Kubernetes writes", kubeWrites.values().stream().mapToInt(i -> i).sum()));
    return out.toString();
  }
}

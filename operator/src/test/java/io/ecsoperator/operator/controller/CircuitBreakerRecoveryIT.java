package io.ecsoperator.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.reconcilers.engine.ErrorClassifier;
import io.ecsoperator.testsupport.AwsFaultProxy;
import io.ecsoperator.testsupport.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A burst of AWS 5xx opens the circuit breaker; the objects waiting on it are retried promptly once
 * it lets calls through again, however long the burst lasted (issue 10: they used to keep doubling
 * their backoff while the circuit was open, and stayed Reconciling for up to 5 minutes after AWS
 * had recovered).
 */
class CircuitBreakerRecoveryIT {

  private static final String DESCRIBE =
      "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories";
  private static final List<String> NAMES = IntStream.range(0, 4).mapToObj(i -> "r" + i).toList();

  /**
   * Long enough that a backoff doubling from 2 s on every refusal would have reached 32 s (the
   * attempts at 0, 2, 6, 14 and 30 s), so the next retry would come about half a minute after the
   * faults stop.
   */
  private static final Duration BURST = Duration.ofSeconds(35);

  /** Generous: the bed's circuit opens for 5 s and waiting objects look again every second. */
  private static final Duration PROMPTLY = Duration.ofSeconds(15);

  private final TestBed bed = TestBed.get();

  @Test
  void objectsWaitingOnTheOpenCircuitAreReadySoonAfterAwsRecovers() {
    try (AwsFaultProxy proxy = AwsFaultProxy.inFrontOf(bed.awsEndpoint())) {
      var outage = proxy.failWith(DESCRIBE, "breaker/", 500, "ServerException", "internal error");
      try (OperatorHarness operator =
          OperatorHarness.start("breaker", Duration.ofMinutes(10), proxy.endpoint())) {
        NAMES.forEach(name -> operator.apply(repository(name)).assertSuccess("apply " + name));

        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(
                () -> live(operator, NAMES.get(0)).isReconciling(ErrorClassifier.CIRCUIT_OPEN));
        await()
            .pollDelay(BURST)
            .atMost(BURST.plusSeconds(5))
            .untilAsserted(
                () ->
                    NAMES.forEach(
                        name ->
                            live(operator, name)
                                .isReconciling("AwsServerError", ErrorClassifier.CIRCUIT_OPEN)));

        proxy.heal(outage);
        long healed = System.nanoTime();

        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> NAMES.forEach(name -> live(operator, name).isReady()));
        Duration recovery = Duration.ofNanos(System.nanoTime() - healed);
        System.out.printf(
            "CircuitBreakerRecoveryIT: %d objects Ready %.1f s after a %d s burst of 5xx ended%n",
            NAMES.size(), recovery.toMillis() / 1000.0, BURST.toSeconds());
        assertThat(recovery).isLessThan(PROMPTLY);
      }
    }
  }

  private static KstatusAssert live(OperatorHarness operator, String name) {
    return KstatusAssert.live(operator.bed, operator.namespace, "ecrrepository/" + name);
  }

  private static String repository(String name) {
    return "{apiVersion: ecsoperator.io/v1alpha1, kind: EcrRepository, metadata: {name: %s},"
            .formatted(name)
        + " spec: {repositoryName: breaker/%s}}".formatted(name);
  }
}

package io.ecsoperator.operator.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.settings.Sharding;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.operator.testsupport.OperatorProcess;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code run --selector} as the chart starts it: two shard processes with leader election and no
 * Lease named each lead under a Lease of their own, and each creates only its own object in AWS.
 */
class ShardProcessesIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  private final TestBed bed = TestBed.get();

  @Test
  void twoShardsLeadUnderLeasesOfTheirOwnAndCreateOnlyTheirObjects() {
    OperatorHarness.installCrds(bed);
    String namespace = OperatorHarness.createNamespace(bed, "shardproc");
    try (OperatorProcess a = shard(namespace, "a");
        OperatorProcess b = shard(namespace, "b");
        KubernetesClient admin = OperatorHarness.newClient(bed)) {
      for (OperatorProcess shard : List.of(a, b)) {
        await()
            .atMost(WAIT)
            .untilAsserted(
                () ->
                    assertThat(shard.log()).as(shard.logFile().toString()).contains("leading as"));
      }
      assertThat(admin.leases().inNamespace(namespace).list().getItems())
          .extracting(lease -> lease.getMetadata().getName())
          .containsExactlyInAnyOrder(leaseOf("a"), leaseOf("b"));

      for (String shard : List.of("a", "b")) {
        bed.kubectlWithInput(repository(namespace, shard), "apply", "-n", namespace, "-f", "-")
            .assertSuccess("apply repository " + shard);
      }
      for (String shard : List.of("a", "b")) {
        bed.kubectl(
                "wait",
                "--for=condition=Ready",
                "ecrrepository/repo-" + shard,
                "-n",
                namespace,
                "--timeout=" + WAIT.toSeconds() + "s")
            .assertSuccess("wait for repository " + shard);
      }
      for (OperatorProcess shard : List.of(a, b)) {
        assertThat(
                shard.metric(
                    "ecsoperator_aws_calls_seconds_count", "operation=\"CreateRepository\""))
            .as("each shard creates its one repository")
            .isEqualTo(1);
      }
    }
  }

  private OperatorProcess shard(String namespace, String name) {
    return OperatorProcess.start(
        bed,
        "shard-" + name,
        Map.of("POD_NAMESPACE", namespace),
        "--namespaces=" + namespace,
        "--leader-election",
        "--selector=" + selector(name),
        "--aws-rate-share=0.5");
  }

  private static String selector(String shard) {
    return "ecsoperator.io/shard=" + shard;
  }

  private static String leaseOf(String shard) {
    return new Sharding(Optional.of(selector(shard)), 1).leaseName("ecs-operator");
  }

  private static String repository(String namespace, String shard) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcrRepository
        metadata:
          name: repo-%s
          labels: {ecsoperator.io/shard: %s}
        spec:
          repositoryName: %s/repo-%s
        """
        .formatted(shard, shard, namespace, shard);
  }
}

package io.ecsoperator.operator.task;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ecsoperator.operator.testsupport.FargateWebTask;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.operator.testsupport.OperatorProcess;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.testsupport.MotoNetwork;
import io.ecsoperator.testsupport.TestBed;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

/**
 * kill -9 of the operator right after its RunTask reached ECS and before it could write the status
 * (issue 12 acceptance): a WireMock proxy holds RunTask's answer while the bed's ECS has already
 * started the task; the restarted operator finds the attempt's task by its startedBy and starts no
 * second one.
 */
class EcsTaskCrashIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String RUN_TASK = "AmazonEC2ContainerServiceV20141113.RunTask";
  private final TestBed bed = TestBed.get();

  @Test
  void aKillNineRightAfterRunTaskStartsNoSecondTask() throws IOException {
    OperatorHarness.installCrds(bed);
    bed.resetAws();
    bed.steerAws("/_ecsbed/tasks/behaviour", "{\"group\": \"crash\", \"runSeconds\": 600}");
    MotoNetwork network = MotoNetwork.create(bed, 1);
    String namespace = OperatorHarness.createNamespace(bed, "crash");
    WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    proxy.start();
    List<OperatorProcess> operators = new ArrayList<>();
    try (AwsClientFactory aws = bed.awsClients(AwsCallListener.NONE)) {
      proxy.stubFor(
          any(anyUrl())
              .atPriority(10)
              .willReturn(aResponse().proxiedFrom(bed.awsEndpoint().toString())));
      proxy.stubFor(
          any(anyUrl())
              .atPriority(1)
              .withHeader("X-Amz-Target", equalTo(RUN_TASK))
              .willReturn(
                  aResponse().proxiedFrom(bed.awsEndpoint().toString()).withFixedDelay(60_000)));
      operators.add(
          start(namespace, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + proxy.port())));
      apply(namespace, manifests(network));
      String uid = kubectl(namespace, "get", "ecstask/migrate", "-o", "jsonpath={.metadata.uid}");
      EcsClient ecs = aws.forRegion(null).ecs();

      // RunTask reached ECS, which started the task; its answer is still held by the proxy.
      String task =
          await()
              .atMost(WAIT)
              .ignoreException(ClusterNotFoundException.class) // until the operator made it
              .until(() -> tasksStartedBy(ecs, uid), arns -> arns.size() == 1)
              .get(0);
      assertThat(
              proxy.findAll(
                  postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(RUN_TASK))))
          .hasSize(1);
      operators.get(0).close(); // SIGKILL: no shutdown hook, no status write
      assertThat(kubectl(namespace, "get", "ecstask/migrate", "-o", "jsonpath={.status.attempts}"))
          .as("the crash came before the status write")
          .isEmpty();

      operators.add(start(namespace, Map.of()));

      await()
          .atMost(WAIT)
          .until(
              () ->
                  kubectl(
                      namespace,
                      "get",
                      "ecstask/migrate",
                      "-o",
                      "jsonpath={.status.attempts[0].tasks[0].taskArn}"),
              task::equals);
      assertThat(
              kubectl(
                  namespace, "get", "ecstask/migrate", "-o", "jsonpath={.status.attemptsStarted}"))
          .isEqualTo("1");
      assertThat(tasksStartedBy(ecs, uid)).as("still exactly one task").containsExactly(task);
    } finally {
      operators.forEach(OperatorProcess::close);
      proxy.stop();
    }
  }

  private OperatorProcess start(String namespace, Map<String, String> env) {
    OperatorProcess operator =
        OperatorProcess.start(
            bed,
            "crash",
            env,
            "--namespaces=" + namespace,
            "--resync-interval=PT3S",
            "--progress-interval=PT1S");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(operator.get("/readyz").status()).isEqualTo(200));
    return operator;
  }

  /** Running and stopped tasks of the bed's "web" cluster that the object started. */
  private static List<String> tasksStartedBy(EcsClient ecs, String uid) {
    List<String> arns = new ArrayList<>();
    for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
      arns.addAll(
          ecs.listTasks(r -> r.cluster("web").startedBy(uid).desiredStatus(status)).taskArns());
    }
    return arns;
  }

  private String manifests(MotoNetwork network) {
    return FargateWebTask.clusterAndTaskDefinition(bed.repoRoot())
        + FargateWebTask.ecsTask("migrate", 0, network).replace("group: migrate", "group: crash");
  }

  private void apply(String namespace, String yaml) {
    bed.kubectlWithInput(yaml, "apply", "-n", namespace, "-f", "-").assertSuccess("apply");
  }

  private String kubectl(String namespace, String... args) {
    List<String> command = new ArrayList<>(List.of("-n", namespace));
    command.addAll(List.of(args));
    return bed.kubectl(command.toArray(String[]::new)).stdout();
  }
}

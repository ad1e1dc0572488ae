package io.ecsoperator.operator.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.FargateWebTask;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.testsupport.MotoNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EcsTask end to end with kubectl, as a user runs a Job: the bed's model of the task lifecycle
 * (testbed/aws, "tasks") is steered per task group to exit with a code, fail to pull its image or
 * run until stopped. The tasks run the fargate-web example's task definition in its cluster.
 */
class EcsTaskE2EIT extends OperatorE2E {

  /** Seconds over which the DescribeTasks of 50 running tasks are counted. */
  private static final int POLL_ROUNDS = 10;

  private MotoNetwork network;

  EcsTaskE2EIT() {
    super("ecstask", new Example("migration-task.yaml", "web-migrate-42", "release", "\"42\""));
  }

  @BeforeAll
  void clusterAndTaskDefinition() throws IOException {
    // Model seconds: PROVISIONING 5 + PENDING 10 take 1.5 s.
    h.bed.steerAws("/_ecsbed/config", "{\"timeScale\": 10}");
    network = MotoNetwork.create(h.bed, 2);
    for (String file : new String[] {"cluster.yaml", "task-definition.yaml"}) {
      h.apply(Files.readString(h.bed.repoRoot().resolve("examples/fargate-web/" + file)))
          .assertSuccess("apply examples/fargate-web/" + file);
    }
    h.waitFor("condition=Ready", "ecscluster/web", WAIT);
    h.waitFor("condition=Ready", "ecstaskdefinition/web", WAIT);
  }

  @Test
  void aTaskThatExitsZeroGoesComplete() {
    steer("{\"group\": \"ok\", \"runSeconds\": 20, \"exitCodes\": {\"nginx\": 0}}");

    h.apply(task("ok", 0)).assertSuccess("apply the task");
    waitForCondition("Complete", "ecstask/ok");

    assertThat(h.get("ecstask/ok", ".status.exitCode")).isEqualTo("0");
    assertThat(h.get("ecstask/ok", ".status.attemptsStarted")).isEqualTo("1");
    assertThat(h.get("ecstask/ok", ".status.attempts[0].tasks[0].startedAt")).isNotEmpty();
    assertThat(h.get("ecstask/ok", ".status.attempts[0].tasks[0].stoppedAt")).isNotEmpty();
    assertThat(h.get("ecstask/ok", ".status.attempts[0].tasks[0].containers[0].logGroup"))
        .isEqualTo("/ecs/web");
    assertThat(h.get("ecstask/ok", ".status.completionTime")).isNotEmpty();
    assertThat(h.get("ecstask/ok", ".status.taskDefinitionArn"))
        .isEqualTo(h.get("ecstaskdefinition/web", ".status.taskDefinitionArn"));
    KstatusAssert.live(h.bed, h.namespace, "ecstask/ok").isReady();
  }

  @Test
  void anEssentialContainerExitingThreeWithBackoffLimitTwoRunsThreeTimesThenFails() {
    steer("{\"group\": \"fails\", \"runSeconds\": 10, \"exitCodes\": {\"nginx\": 3}}");
    int before = runTaskCalls();

    h.apply(task("fails", 2)).assertSuccess("apply the task");
    waitForCondition("Failed", "ecstask/fails");

    assertThat(runTaskCalls() - before).isEqualTo(3);
    assertThat(h.get("ecstask/fails", conditionReason("Failed"))).isEqualTo("BackoffLimitExceeded");
    assertThat(h.get("ecstask/fails", conditionMessage("Failed")))
        .contains("all 3 attempts failed")
        .contains("essential container nginx exited with code 3");
    assertThat(h.get("ecstask/fails", ".status.exitCode")).isEqualTo("3");
    assertThat(h.get("ecstask/fails", ".status.attemptsStarted")).isEqualTo("3");
    assertThat(h.get("ecstask/fails", ".status.attempts[2].tasks[0].stopCode"))
        .isEqualTo("EssentialContainerExited");
    KstatusAssert.live(h.bed, h.namespace, "ecstask/fails").isStalled("BackoffLimitExceeded");
  }

  @Test
  void anImageThatCannotBePulledFailsWithAwsMessage() {
    steer(
        "{\"group\": \"nopull\", \"outcome\": \"cannotPull\", \"pullError\": \"pull image"
            + " manifest has been retried 1 time(s): web:1.0.0: not found\"}");

    h.apply(task("nopull", 0)).assertSuccess("apply the task");
    waitForCondition("Failed", "ecstask/nopull");

    assertThat(h.get("ecstask/nopull", conditionReason("Failed"))).isEqualTo("CannotPullContainer");
    assertThat(h.get("ecstask/nopull", conditionMessage("Failed")))
        .contains("CannotPullContainerError: pull image manifest has been retried 1 time(s)");
    assertThat(h.get("ecstask/nopull", ".status.attempts[0].tasks[0].stopCode"))
        .isEqualTo("TaskFailedToStart");
  }

  @Test
  void activeDeadlineSecondsStopsALongTask() {
    steer("{\"group\": \"long\", \"outcome\": \"runUntilStopped\"}");
    int before = stopTaskCalls();

    h.apply(
            task("long", 3)
                .replace("backoffLimit: 3", "backoffLimit: 3\n  activeDeadlineSeconds: 5"))
        .assertSuccess("apply the task");
    waitForCondition("Failed", "ecstask/long");

    assertThat(h.get("ecstask/long", conditionReason("Failed"))).isEqualTo("DeadlineExceeded");
    assertThat(stopTaskCalls() - before).isPositive();
    assertThat(h.get("ecstask/long", ".status.attemptsStarted")).isEqualTo("1");
    assertThat(h.get("ecstask/long", ".status.attempts[0].tasks[0].stopCode"))
        .isEqualTo("UserInitiated");
  }

  @Test
  void theMigrationExampleRunsToCompletion() throws IOException {
    steer("{\"group\": \"migrations\", \"runSeconds\": 10}");

    h.apply(withMotoNetwork(exampleYaml())).assertSuccess("apply examples/migration-task.yaml");
    waitForCondition("Complete", "ecstask/web-migrate-42");

    assertThat(h.get("ecstask/web-migrate-42", ".status.exitCode")).isEqualTo("0");
  }

  /**
   * 50 running tasks of one cluster share their DescribeTasks: each object polls every second (the
   * harness's progress interval), and one call answers the whole cluster for that second.
   */
  @Test
  void fiftyRunningTasksOfOneClusterShareTheirDescribeTasks() throws InterruptedException {
    steer("{\"group\": \"many\", \"outcome\": \"runUntilStopped\"}");
    StringBuilder manifests = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      manifests
          .append("---\n")
          .append(task("many-" + i, 0).replace("group: many-" + i, "group: many"));
    }
    h.apply(manifests.toString()).assertSuccess("apply 50 tasks");
    await()
        .atMost(WAIT)
        .until(
            () ->
                Arrays.stream(
                            h.kubectl(
                                    "get",
                                    "ecstasks",
                                    "-o",
                                    "jsonpath={.items[*].status.attempts[0].tasks[0].lastStatus}")
                                .stdout()
                                .split(" "))
                        .filter("RUNNING"::equals)
                        .count()
                    == 50);

    int before = describeTasksCalls();
    Thread.sleep(POLL_ROUNDS * 1000L);
    int calls = describeTasksCalls() - before;

    System.out.printf(
        "50 running EcsTasks, %d poll rounds of 1 s: %d DescribeTasks calls%n", POLL_ROUNDS, calls);
    assertThat(calls).isPositive().isLessThanOrEqualTo(POLL_ROUNDS + 2);
    List<String> delete = new ArrayList<>(List.of("delete", "--timeout=60s"));
    IntStream.rangeClosed(1, 50).forEach(i -> delete.add("ecstask/many-" + i));
    h.kubectl(delete.toArray(String[]::new)).assertSuccess("delete the 50 tasks");
  }

  private String task(String name, int backoffLimit) {
    return FargateWebTask.ecsTask(name, backoffLimit, network);
  }

  private String withMotoNetwork(String manifest) {
    return manifest
        .replace("subnet-0a1b2c3d4e5f60718", network.subnets().get(0))
        .replace("subnet-0b2f0c1a9e8d7c6b5", network.subnets().get(1))
        .replace("sg-0f1e2d3c4b5a69788", network.securityGroup());
  }

  private void steer(String behaviour) {
    h.bed.steerAws("/_ecsbed/tasks/behaviour", behaviour);
  }

  /** {@code kubectl wait --for=condition=<type>}, as a pipeline waits for a Job. */
  private void waitForCondition(String type, String object) {
    h.waitFor("condition=" + type, object, WAIT);
  }

  private int runTaskCalls() {
    return h.calls.all().getOrDefault("RunTask", 0);
  }

  private int describeTasksCalls() {
    return h.calls.all().getOrDefault("DescribeTasks", 0);
  }

  private int stopTaskCalls() {
    return h.calls.all().getOrDefault("StopTask", 0);
  }

  private static String conditionReason(String type) {
    return ".status.conditions[?(@.type==\"" + type + "\")].reason";
  }
}

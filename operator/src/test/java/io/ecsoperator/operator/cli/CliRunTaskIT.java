package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.FargateWebTask;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.testsupport.MotoNetwork;
import io.ecsoperator.testsupport.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@code ecs-operator run -f} as a CI step (issue 12 §4): the cluster and task definition of
 * examples/fargate-web applied first, then a new task per run, its log lines printed as the bed's
 * model of ECS writes them to CloudWatch Logs, and the essential container's exit code as the
 * command's.
 */
class CliRunTaskIT {

  private final CliHarness cli = new CliHarness();
  private MotoNetwork network;

  @TempDir Path dir;

  @BeforeEach
  void emptyAccountWithANetwork() {
    cli.bed.resetAws();
    cli.bed.steerAws("/_ecsbed/config", "{\"timeScale\": 10}");
    network = MotoNetwork.create(cli.bed, 1);
  }

  @Test
  void aTaskThatSucceedsPrintsItsLogLinesAndExitsZeroAndEachRunStartsANewTask() throws IOException {
    steer(
        "{\"group\": \"cli-ok\", \"runSeconds\": 20, \"exitCodes\": {\"nginx\": 0},"
            + " \"logs\": {\"nginx\": [\"applying migration 42\", \"migration 42 done\"]}}");
    Path files = files("cli-ok", 0);

    CliHarness.Result first = cli.run("run", "-f", files.toString());

    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.out())
        .contains("nginx | applying migration 42\nnginx | migration 42 done\n")
        .contains("Exit code 0.");
    assertThat(cli.calls.all()).containsEntry("RunTask", 1);

    CliHarness.Result second = cli.run("run", "-f", files.toString(), "--no-logs");

    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.out()).doesNotContain("applying migration 42");
    assertThat(cli.calls.all()).as("a second run is a new task").containsEntry("RunTask", 2);
  }

  @Test
  void aFailingTaskExitsWithItsEssentialContainersExitCodeAfterItsRetries() throws IOException {
    steer(
        "{\"group\": \"cli-fails\", \"runSeconds\": 10, \"exitCodes\": {\"nginx\": 3},"
            + " \"logs\": {\"nginx\": [\"relation users already exists\"]}}");

    CliHarness.Result run = cli.run("run", "-f", files("cli-fails", 1).toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
    assertThat(cli.calls.all()).containsEntry("RunTask", 2);
    assertThat(run.out())
        .containsSubsequence(
            "nginx | relation users already exists\n",
            "--- attempt 2 ---\n",
            "nginx | relation users already exists\n",
            "Stalled (BackoffLimitExceeded)");
    assertThat(run.out()).contains("BackoffLimitExceeded").contains("Exit code 3.");
  }

  /** Ctrl-C (SIGINT) of the jar while the task runs: StopTask, then exit 130. */
  @Test
  void ctrlCStopsTheTask() throws Exception {
    steer("{\"group\": \"cli-long\", \"outcome\": \"runUntilStopped\"}");
    Process run = cli.startJar(Map.of(), "run", "-f", files("cli-long", 0).toString());
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      EcsClient ecs = aws.forRegion(null).ecs();
      String task =
          await()
              .atMost(Duration.ofSeconds(90))
              .ignoreException(ClusterNotFoundException.class) // until the jar has created it
              .until(() -> running(ecs), arns -> arns.size() == 1)
              .get(0);

      Processes.interrupt(run);

      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("exits once the task is stopped").isTrue();
      String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(run.exitValue()).as(out).isEqualTo(130);
      assertThat(out).contains("Interrupted: the task was stopped. Exit code 130.");
      Task stopped = ecs.describeTasks(r -> r.cluster("web").tasks(task)).tasks().get(0);
      assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
      assertThat(stopped.stoppedReason()).isEqualTo("ecs-operator run -f was interrupted");
    } finally {
      run.destroyForcibly();
    }
  }

  @Test
  void filesWithoutExactlyOneEcsTaskAreRefusedBeforeAnyAwsCall() throws IOException {
    Path files = files("cli-two", 0);
    Files.writeString(
        files, Files.readString(files) + "---\n" + FargateWebTask.ecsTask("b", 0, network));

    CliHarness.Result run = cli.run("run", "-f", files.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("run -f needs exactly one EcsTask in the files; found 2")
        .contains("EcsTask default/migrate, EcsTask default/b");
    assertThat(cli.calls.all()).isEmpty();
  }

  private static List<String> running(EcsClient ecs) {
    return ecs.listTasks(r -> r.cluster("web").desiredStatus(DesiredStatus.RUNNING)).taskArns();
  }

  private void steer(String behaviour) {
    cli.bed.steerAws("/_ecsbed/tasks/behaviour", behaviour);
  }

  /** examples/fargate-web's cluster and task definition, and the task. */
  private Path files(String group, int backoffLimit) throws IOException {
    return CliHarness.write(
        dir,
        group + ".yaml",
        FargateWebTask.clusterAndTaskDefinition(cli.bed.repoRoot())
            + FargateWebTask.ecsTask("migrate", backoffLimit, network)
                .replace("group: migrate", "group: " + group));
  }
}

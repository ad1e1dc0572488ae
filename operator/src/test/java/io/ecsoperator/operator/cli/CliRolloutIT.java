package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.DeploymentLoadBalancer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecs-operator rollout status|approve|rollback} against the bed's model of ECS service
 * deployments: examples/blue-green/ applied by the CLI pauses before production traffic; the CLI
 * shows where it is, approves the hook it names (never another), and rolls back the next one.
 */
class CliRolloutIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern HOOK = Pattern.compile("pending hook: (\\w+) \\(PAUSE");

  private final CliHarness cli = new CliHarness();
  private DeploymentLoadBalancer alb;
  @TempDir Path dir;

  @BeforeEach
  void anAlbAndAFastClock() {
    cli.bed.resetAws();
    cli.bed.steerAws("/_ecsbed/config", "{\"timeScale\": 60}");
    alb = new DeploymentLoadBalancer(cli.bed);
  }

  @AfterEach
  void closeClients() {
    alb.close();
  }

  @Test
  void showsApprovesAndRollsBackTheDeploymentOfTheFiles() throws IOException {
    String files = write("1.0.0");
    assertThat(cli.run("apply", "-f", files, "--no-wait").exitCode()).isZero();

    String paused = awaitStatus(files, "AwaitingApproval");
    assertThat(paused)
        .contains("strategy: BLUE_GREEN, status: IN_PROGRESS, stage: POST_TEST_TRAFFIC_SHIFT");
    String hook = hook(paused);

    CliHarness.Result stale = cli.run("rollout", "approve", "-f", files, "--hook", "0ld0h00k");
    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.out()).contains("nothing answered");
    assertThat(awaitStatus(files, "AwaitingApproval")).contains("pending hook: " + hook);

    CliHarness.Result approved = cli.run("rollout", "approve", "-f", files);
    assertThat(approved.exitCode()).isZero();
    assertThat(approved.out()).contains("continued deployment").contains("(hook " + hook + ")");
    assertThat(awaitStatus(files, "Deployed")).contains("status: SUCCESSFUL");

    // The next deployment pauses too; this one is rolled back as a whole.
    String next = write("1.1.0");
    assertThat(cli.run("apply", "-f", next, "--no-wait").exitCode()).isZero();
    assertThat(hook(awaitStatus(next, "AwaitingApproval"))).isNotEqualTo(hook);
    CliHarness.Result rolledBack = cli.run("rollout", "rollback", "-f", next);
    assertThat(rolledBack.exitCode()).isZero();
    assertThat(rolledBack.out()).contains("stopped deployment").contains("with a rollback");
    assertThat(awaitStatus(next, "RolloutRolledBack")).contains("status: ROLLBACK_SUCCESSFUL");
  }

  @Test
  void aServiceAwsDoesNotHaveIsAnError() throws IOException {
    CliHarness.Result status = cli.run("rollout", "status", "-f", write("1.0.0"));

    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.out()).contains("EcsService default/checkout: the service does not exist");
  }

  /** Polls {@code rollout status} until it reports {@code reason}; returns that output. */
  private String awaitStatus(String files, String reason) {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> cli.run("rollout", "status", "-f", files).out(),
            out -> out.contains("EcsService default/checkout: " + reason + ":"));
  }

  private static String hook(String status) {
    Matcher matcher = HOOK.matcher(status);
    assertThat(matcher.find()).as("a pending PAUSE hook in %s", status).isTrue();
    return matcher.group(1);
  }

  private String write(String imageTag) throws IOException {
    Path file = dir.resolve("checkout-" + imageTag + ".yaml");
    Files.writeString(file, alb.manifests(cli.bed.repoRoot(), "blue-green/service.yaml", imageTag));
    return file.toString();
  }
}

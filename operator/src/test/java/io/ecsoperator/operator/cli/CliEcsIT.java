package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Task definitions and services from files, against moto. The CLI has no status: the current
 * revision is found by its tags each run, so applying the same files again registers nothing; a
 * change of content is one new revision, which the service that refers to it rolls out, as plan
 * said (golden texts); restartedAt deploys once.
 */
class CliEcsIT {

  private static final String CLUSTER =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsCluster
      metadata: {name: shop}
      spec: {}
      """;

  private static final String TASK_DEFINITION =
      """
      ---
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsTaskDefinition
      metadata: {name: web}
      spec:
        requiresCompatibilities: [FARGATE]
        networkMode: awsvpc
        cpu: 0.25 vCPU
        memory: "512"
        containerDefinitions:
          - name: web
            image: nginx:1.26
            portMappings: [{containerPort: 80, hostPort: 80, protocol: tcp}]
            environment:
              - {name: MODE, value: prod}
        tags: {team: web}
      """;

  private static final String SERVICE =
      """
      ---
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsService
      metadata: {name: web}
      spec:
        clusterRef: {name: shop}
        taskDefinitionRef: {name: web}
        desiredCount: 2
        launchType: FARGATE
        tags: {team: web}
      """;

  private static final String BEFORE = CLUSTER + TASK_DEFINITION + SERVICE;

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void emptyAccount() {
    cli.bed.resetAws();
  }

  @Test
  void aNewImageIsOneNewRevisionWhichTheServiceRollsOutAsPlanned() {
    Path before = CliHarness.write(dir, "before.yaml", BEFORE);
    CliHarness.Result first = cli.run("apply", "-f", before.toString());
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.out()).contains("Apply: 3 ready.");

    cli.calls.reset();
    CliHarness.Result again = cli.run("apply", "-f", before.toString());
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(cli.calls.writes()).as("found by its tags: no second revision").isEmpty();

    Path after =
        CliHarness.write(
            dir,
            "after.yaml",
            BEFORE
                .replace("nginx:1.26", "nginx:1.27")
                .replace("desiredCount: 2", "desiredCount: 3"));
    cli.calls.reset();
    CliHarness.Result plan = cli.run("plan", "-f", after.toString());
    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(2);
    Golden.assertMatches("plan/new-revision.txt", plan.out());
    assertThat(cli.calls.writes()).isEmpty();

    cli.calls.reset();
    CliHarness.Result apply = cli.run("apply", "-f", after.toString());
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(cli.calls.writes())
        .isEqualTo(Map.of("RegisterTaskDefinition", 1, "UpdateService", 1));
    assertThat(runningRevision()).isEqualTo(revision(2));

    cli.calls.reset();
    assertThat(cli.run("apply", "-f", after.toString()).exitCode()).isZero();
    assertThat(cli.calls.writes()).isEmpty();
    assertThat(activeRevisions()).containsExactly(revision(1), revision(2));
    assertThat(cli.run("plan", "-f", after.toString()).exitCode()).isZero();
  }

  @Test
  void aServiceUpdateIsPlannedFieldByField() {
    assertThat(
            cli.run("apply", "-f", CliHarness.write(dir, "before.yaml", BEFORE).toString())
                .exitCode())
        .isZero();
    Path after =
        CliHarness.write(
            dir,
            "after.yaml",
            BEFORE
                .replace("desiredCount: 2", "desiredCount: 4\n  propagateTags: SERVICE")
                .replace("tags: {team: web}\n", "tags: {team: web, tier: front}\n"));

    CliHarness.Result plan = cli.run("plan", "-f", after.toString());

    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(2);
    Golden.assertMatches("plan/service-update.txt", plan.out());
  }

  /** With no status to remember a restart, it is done once the PRIMARY deployment is newer. */
  @Test
  void restartedAtDeploysOnce() throws InterruptedException {
    assertThat(
            cli.run("apply", "-f", CliHarness.write(dir, "before.yaml", BEFORE).toString())
                .exitCode())
        .isZero();
    Thread.sleep(1100); // the service's deployment is older than the restart asked for
    Path restarted =
        CliHarness.write(
            dir,
            "restarted.yaml",
            BEFORE.replace(
                "desiredCount: 2", "desiredCount: 2\n  restartedAt: \"" + Instant.now() + "\""));

    cli.calls.reset();
    CliHarness.Result restart = cli.run("apply", "-f", restarted.toString());
    assertThat(restart.exitCode()).as(restart.output()).isZero();
    assertThat(cli.calls.writes()).isEqualTo(Map.of("UpdateService", 1));

    cli.calls.reset();
    assertThat(cli.run("apply", "-f", restarted.toString()).exitCode()).isZero();
    assertThat(cli.calls.writes()).as("restarted already").isEmpty();
  }

  @Test
  void aServiceOfATaskDefinitionAwsDoesNotHaveIsBlocked() {
    Path file =
        CliHarness.write(
            dir,
            "missing.yaml",
            CLUSTER + SERVICE.replace("taskDefinitionRef: {name: web}", "taskDefinition: nope:3"));

    CliHarness.Result plan = cli.run("plan", "-f", file.toString());
    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.out())
        .contains(
            "! EcsService default/web: cannot apply to service web in us-east-1"
                + " (TaskDefinitionNotFound): task definition nope:3 does not exist in AWS\n");

    CliHarness.Result apply = cli.run("apply", "-f", file.toString());
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.out())
        .contains(
            "EcsService default/web (service web): Stalled (TaskDefinitionNotFound): task"
                + " definition nope:3 does not exist in AWS")
        .contains("Apply: 1 ready, 1 stalled.");
  }

  private String revision(int number) {
    return "arn:aws:ecs:us-east-1:123456789012:task-definition/web:" + number;
  }

  private String runningRevision() {
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      return aws.forRegion(null)
          .ecs()
          .describeServices(r -> r.cluster("shop").services("web"))
          .services()
          .get(0)
          .taskDefinition();
    }
  }

  private List<String> activeRevisions() {
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      return clients
          .ecs()
          .listTaskDefinitions(r -> r.familyPrefix("web").status(TaskDefinitionStatus.ACTIVE))
          .taskDefinitionArns();
    }
  }
}

package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.UnkeptStartTimeout;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.testsupport.AwsFaultProxy;
import io.ecsoperator.testsupport.TestBed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * plan and apply agree when AWS does not keep a registered field as sent (issue 10): plan shows no
 * change with a warning naming the field, where it used to promise a new revision on every run
 * while apply found the revision by its spec-hash and registered nothing.
 */
class CliPlanNotKeptIT {

  @TempDir Path dir;

  @Test
  void planShowsNoChangeAndWarnsOnceApplyHasRegisteredWhatAwsDidNotKeep() {
    TestBed bed = TestBed.get();
    bed.resetAws();
    try (AwsFaultProxy aws = AwsFaultProxy.inFrontOf(bed.awsEndpoint())) {
      UnkeptStartTimeout.dropIn(aws);
      CliHarness cli = new CliHarness(aws.endpoint());
      Path manifest = CliHarness.write(dir, "keeper.yaml", UnkeptStartTimeout.TASK_DEFINITION);
      CliHarness.Result first = cli.run("apply", "-f", manifest.toString());
      assertThat(first.exitCode()).as(first.output()).isZero();

      cli.calls.reset();
      CliHarness.Result plan = cli.run("plan", "-f", manifest.toString());

      assertThat(plan.exitCode()).as(plan.output()).isEqualTo(0);
      assertThat(plan.out())
          .contains("= EcsTaskDefinition default/keeper: no change to")
          .contains("    warning: " + UnkeptStartTimeout.WARNING)
          .doesNotContain("new revision");
      assertThat(cli.calls.writes()).as("plan only reads").isEmpty();

      cli.calls.reset();
      CliHarness.Result again = cli.run("apply", "-f", manifest.toString());

      assertThat(again.exitCode()).as(again.output()).isZero();
      assertThat(again.output()).contains(UnkeptStartTimeout.WARNING);
      assertThat(cli.calls.writes()).as("apply agrees: nothing to write").isEqualTo(Map.of());
    }
    try (AwsClientFactory aws = bed.awsClients(AwsCallListener.NONE)) {
      assertThat(
              aws.forRegion(null)
                  .ecs()
                  .listTaskDefinitions(
                      r -> r.familyPrefix("keeper").status(TaskDefinitionStatus.ACTIVE))
                  .taskDefinitionArns())
          .as("one revision, registered once")
          .hasSize(1);
    }
  }
}

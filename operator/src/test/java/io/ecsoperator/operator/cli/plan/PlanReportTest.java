package io.ecsoperator.operator.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.cli.Golden;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanReportTest {

  private static PlanEntry entry(
      String kind,
      String name,
      PlanAction action,
      boolean adopt,
      String reason,
      String message,
      PlanEntry.Change... changes) {
    return new PlanEntry(
        kind,
        "default",
        name,
        (kind.equals("EcsCluster") ? "cluster " : "repository ") + name,
        "us-east-1",
        action,
        adopt,
        reason,
        message,
        List.of(changes),
        List.of());
  }

  private static final List<PlanEntry> EVERY_ACTION =
      List.of(
          entry("EcrRepository", "web", PlanAction.CREATE, false, null, null),
          entry(
              "EcrRepository",
              "api",
              PlanAction.UPDATE,
              true,
              null,
              null,
              new PlanEntry.Change("imageTagMutability", "MUTABLE", "IMMUTABLE", "in-place"),
              new PlanEntry.Change("tags", Map.of("team", "a"), Map.of("team", "b"), "tags-only")),
          entry(
              "EcrRepository",
              "legacy",
              PlanAction.BLOCKED,
              false,
              "ImmutableField",
              "AWS cannot change encryptionConfiguration.encryptionType after creation",
              new PlanEntry.Change(
                  "encryptionConfiguration.encryptionType", "AES256", "KMS", "replace")),
          entry("EcsCluster", "batch", PlanAction.NO_CHANGE, true, null, null),
          entry("EcsCluster", "shop", PlanAction.NO_CHANGE, false, null, null),
          entry(
              "EcsCluster",
              "audit",
              PlanAction.DRIFT,
              false,
              null,
              null,
              new PlanEntry.Change("capacityProviders", List.of(), List.of("FARGATE"), "in-place")),
          entry("EcsCluster", "gone", PlanAction.MISSING, false, null, null),
          entry(
              "EcsCluster",
              "secret",
              PlanAction.ERROR,
              false,
              "AccessDenied",
              "not authorized to perform ecs:DescribeClusters"));

  @Test
  void textShowsEveryActionStably() {
    Golden.assertMatches("plan/every-action.txt", new PlanReport(EVERY_ACTION).text());
  }

  @Test
  void jsonIsForMachines() {
    Golden.assertMatches("plan/every-action.json", new PlanReport(EVERY_ACTION).json());
  }

  @Test
  void exitCodeSaysWhetherApplyWouldChangeAnything() {
    assertThat(new PlanReport(EVERY_ACTION).exitCode()).isEqualTo(PlanReport.FAILED);
    assertThat(new PlanReport(EVERY_ACTION.subList(0, 1)).exitCode()).isEqualTo(PlanReport.CHANGES);
    assertThat(new PlanReport(EVERY_ACTION.subList(2, 3)).exitCode())
        .as("blocked: apply would not succeed")
        .isEqualTo(PlanReport.CHANGES);
    assertThat(new PlanReport(EVERY_ACTION.subList(3, 7)).exitCode())
        .as("adoption without changes and observe-only drift write nothing")
        .isEqualTo(PlanReport.NO_CHANGES);
    assertThat(new PlanReport(List.of()).exitCode()).isEqualTo(PlanReport.NO_CHANGES);
  }

  @Test
  void aFieldAwsDidNotKeepIsAWarningNotAChange() {
    String warning = "AWS did not keep as sent, so apply leaves as AWS has it: pidMode";
    PlanEntry notKept =
        new PlanEntry(
            "EcsTaskDefinition",
            "default",
            "web",
            "task definition family web",
            "us-east-1",
            PlanAction.NO_CHANGE,
            false,
            null,
            null,
            List.of(),
            List.of(warning));
    PlanReport report = new PlanReport(List.of(notKept));

    assertThat(report.text())
        .isEqualTo(
            "= EcsTaskDefinition default/web: no change to task definition family web in"
                + " us-east-1\n"
                + "    warning: "
                + warning
                + "\n"
                + "Plan: 0 to create, 0 to update, 0 blocked, 1 unchanged.\n");
    assertThat(report.json()).contains("\"warnings\" : [ \"" + warning + "\" ]");
    assertThat(report.exitCode()).isEqualTo(PlanReport.NO_CHANGES);
  }
}

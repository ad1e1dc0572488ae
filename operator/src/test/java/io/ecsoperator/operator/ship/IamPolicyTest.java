package io.ecsoperator.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.operator.OperatorApp;
import io.ecsoperator.operator.testsupport.Repo;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

/**
 * The chart's least-privilege IAM policy against the code: it is the statements each kind declares
 * in its own folder, every AWS operation the compiled operator calls is allowed, every ECS/ECR/Auto
 * Scaling action it allows is a real operation, and the IAM actions are fenced by their conditions.
 */
class IamPolicyTest {

  /**
   * Calls only the CLI makes, with the credentials of whoever runs it: {@code run -f} prints the
   * task's log lines. The operator's role needs none of them.
   */
  private static final Set<String> CLI_ONLY = Set.of("logs:GetLogEvents");

  private final JsonNode policy = read();

  /**
   * After a kind's {@code iam-policy.json} changed, run this test once with {@code
   * -Diam-policy.update=true} to rewrite the chart's policy, and review the diff.
   */
  @Test
  void theChartsPolicyIsTheStatementsTheKindsDeclare() throws IOException {
    Path chartPolicy = Repo.root().resolve(IamPolicyStatements.CHART_POLICY);
    String assembled = IamPolicyStatements.assemble(Repo.root());
    if (Boolean.getBoolean("iam-policy.update")) {
      Files.writeString(chartPolicy, assembled);
    }
    assertThat(IamPolicyStatements.declarations(Repo.root()))
        .as("kinds' declarations")
        .isNotEmpty();
    assertThat(Files.readString(chartPolicy))
        .as(
            "%s is stale: run IamPolicyTest with -Diam-policy.update=true",
            IamPolicyStatements.CHART_POLICY)
        .isEqualTo(assembled);
  }

  @Test
  void everyAwsOperationTheCodeCallsIsAllowed() {
    Set<String> called = SdkOperations.calledBy(ReconcileEngine.class, OperatorApp.class);

    // The scan itself works: these calls are certainly in the code.
    assertThat(called).contains("ecr:CreateRepository", "ecs:DescribeClusters", "ecs:TagResource");
    assertThat(called).containsAll(CLI_ONLY);
    called.removeAll(CLI_ONLY);
    assertThat(allowed()).containsAll(called);
    assertThat(allowed()).doesNotContainAnyElementsOf(CLI_ONLY);
  }

  /** A client the scan does not know would hide its calls from the check above. */
  @Test
  void theScanKnowsEveryAwsClientTheCodeHolds() {
    for (RecordComponent component : AwsClients.class.getRecordComponents()) {
      if (SdkClient.class.isAssignableFrom(component.getType())) {
        assertThat(SdkOperations.CLIENTS)
            .as("the IAM prefix of %s in SdkOperations", component.getType().getSimpleName())
            .containsKey(component.getType());
      }
    }
  }

  @Test
  void everyAllowedEcsEcrAndAutoScalingActionIsARealOperation() {
    for (String action : allowed()) {
      String service = action.substring(0, action.indexOf(':'));
      String operation = action.substring(action.indexOf(':') + 1);
      SdkOperations.CLIENTS.forEach(
          (client, prefix) -> {
            if (prefix.equals(service)) {
              String method = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
              assertThat(SdkOperations.actionOf(client, method))
                  .as("%s is an operation of %s", action, client.getSimpleName())
                  .isEqualTo(action);
            }
          });
    }
  }

  @Test
  void theServicesAndTaskDefinitionsToComeAreCovered() {
    assertThat(allowed())
        .contains(
            "ecs:CreateService",
            "ecs:UpdateService",
            "ecs:DeleteService",
            "ecs:DescribeServices",
            "ecs:RegisterTaskDefinition",
            "ecs:DeregisterTaskDefinition",
            "ecs:DescribeTaskDefinition",
            "ecs:ListTaskDefinitions",
            "application-autoscaling:RegisterScalableTarget",
            "application-autoscaling:DeregisterScalableTarget",
            "application-autoscaling:DescribeScalableTargets",
            "application-autoscaling:PutScalingPolicy",
            "application-autoscaling:DeleteScalingPolicy",
            "application-autoscaling:DescribeScalingPolicies");
  }

  @Test
  void rolesArePassedToEcsOnlyAndServiceLinkedRolesAreEcsOnes() {
    JsonNode pass = statementNamed("PassTaskAndServiceRolesToEcsOnly");
    assertThat(values(pass.get("Action"))).as("nothing else under this condition").hasSize(1);
    assertThat(values(pass.at("/Condition/StringEquals/iam:PassedToService")))
        .containsExactlyInAnyOrder("ecs-tasks.amazonaws.com", "ecs.amazonaws.com");

    JsonNode linked = statementWith("iam:CreateServiceLinkedRole");
    assertThat(values(linked.get("Action"))).as("nothing else under this condition").hasSize(1);
    assertThat(values(linked.at("/Condition/StringEquals/iam:AWSServiceName")))
        .containsExactlyInAnyOrder(
            "ecs.amazonaws.com", "ecs.application-autoscaling.amazonaws.com");

    JsonNode kms = statementWith("kms:CreateGrant");
    assertThat(kms.at("/Condition/StringLike/kms:ViaService").asText())
        .isEqualTo("ecr.*.amazonaws.com");
  }

  @Test
  void awsAccountRolesAreAssumedAndTheirSessionsChecked() {
    assertThat(values(statementNamed("AssumeTheRolesOfAwsAccounts").get("Action")))
        .containsExactly("sts:AssumeRole");
    assertThat(statementNamed("AssumeTheRolesOfAwsAccounts").get("Resource").asText())
        .as("roles only")
        .isEqualTo("arn:aws:iam::*:role/*");
    assertThat(SdkOperations.calledBy(ReconcileEngine.class, OperatorApp.class))
        .contains("sts:GetCallerIdentity");
  }

  @Test
  void theCustomRolesOfTemplatesAndCacheRulesArePassedToEcrOnly() {
    JsonNode pass = statementNamed("PassTemplateAndCacheRuleRolesToEcrOnly");
    assertThat(values(pass.get("Action"))).containsExactly("iam:PassRole");
    assertThat(values(pass.at("/Condition/StringEquals/iam:PassedToService")))
        .containsExactly("ecr.amazonaws.com");
  }

  @Test
  void scheduleTargetRolesArePassedToSchedulerOnly() {
    JsonNode scheduler = statementNamed("PassScheduleTargetRolesToSchedulerOnly");
    assertThat(values(scheduler.get("Action"))).as("nothing else under this condition").hasSize(1);
    assertThat(values(scheduler.at("/Condition/StringEquals/iam:PassedToService")))
        .containsExactly("scheduler.amazonaws.com");
    assertThat(allowed())
        .contains(
            "scheduler:CreateSchedule",
            "scheduler:GetSchedule",
            "scheduler:UpdateSchedule",
            "scheduler:DeleteSchedule");
  }

  @Test
  void everyPassRoleIsFencedToAService() {
    for (JsonNode statement : policy.get("Statement")) {
      if (values(statement.get("Action")).contains("iam:PassRole")) {
        assertThat(statement.at("/Condition/StringEquals/iam:PassedToService").isMissingNode())
            .as("statement %s", statement.path("Sid").asText())
            .isFalse();
      }
    }
  }

  @Test
  void nothingIsDeniedByAccidentOrGrantedByWildcard() {
    for (JsonNode statement : policy.get("Statement")) {
      assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
      for (String action : values(statement.get("Action"))) {
        assertThat(action).as("no wildcard actions").doesNotContain("*");
      }
    }
  }

  private Set<String> allowed() {
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      actions.addAll(values(statement.get("Action")));
    }
    return actions;
  }

  private JsonNode statementNamed(String sid) {
    for (JsonNode statement : policy.get("Statement")) {
      if (statement.path("Sid").asText().equals(sid)) {
        return statement;
      }
    }
    throw new AssertionError("no statement " + sid);
  }

  private JsonNode statementWith(String action) {
    for (JsonNode statement : policy.get("Statement")) {
      if (values(statement.get("Action")).contains(action)) {
        return statement;
      }
    }
    throw new AssertionError("no statement allows " + action);
  }

  private static List<String> values(JsonNode stringOrArray) {
    return IamPolicyStatements.values(stringOrArray);
  }

  private static JsonNode read() {
    try {
      return Json.parse(Files.readString(Repo.root().resolve(IamPolicyStatements.CHART_POLICY)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

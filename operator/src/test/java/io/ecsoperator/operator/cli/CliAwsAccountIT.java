package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.BedRoles;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * plan and apply act in the AwsAccount an object names when its manifest is among the files, as the
 * operator does: the same YAML works with both. An account the files lack, or one that does not
 * allow the object's namespace, stops the CLI before any AWS call.
 */
class CliAwsAccountIT {

  private static final String ACCOUNT = "333333333333";

  private final CliHarness cli = new CliHarness();
  private final String role = OperatorHarness.uniqueName("ecs-operator");
  private final String name = OperatorHarness.uniqueName("team/web");

  @TempDir Path dir;

  @Test
  void appliesInTheNamedAccountThenPlansNoChange() {
    String roleArn = BedRoles.create(cli.bed, ACCOUNT, role, "cli-secret");
    Path files = CliHarness.write(dir, "all.yaml", account(roleArn) + "---\n" + repository());

    CliHarness.Result plan = cli.run("plan", "-f", files.toString());
    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(2);
    assertThat(plan.out()).contains("EcrRepository default/web").contains("create");

    CliHarness.Result apply = cli.run("apply", "-f", files.toString());
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(exists(true)).as("in the named account").isTrue();
    assertThat(exists(false)).as("not in the caller's own").isFalse();

    CliHarness.Result again = cli.run("plan", "-f", files.toString());
    assertThat(again.exitCode()).as(again.output()).isZero();
  }

  @Test
  void anAccountTheFilesLackOrThatRefusesTheNamespaceStopsBeforeAnyAwsCall() {
    cli.calls.reset();
    Path missing = CliHarness.write(dir, "missing.yaml", repository());
    CliHarness.Result noAccount = cli.run("plan", "-f", missing.toString());
    assertThat(noAccount.exitCode()).isEqualTo(1);
    assertThat(noAccount.err())
        .contains("spec.awsAccount: no AwsAccount named \"team-c\" among the files");

    Path refused =
        CliHarness.write(
            dir,
            "refused.yaml",
            account("arn:aws:iam::" + ACCOUNT + ":role/" + role).replace("[default]", "[prod]")
                + "---\n"
                + repository());
    CliHarness.Result notAllowed = cli.run("apply", "-f", refused.toString());
    assertThat(notAllowed.exitCode()).isEqualTo(1);
    assertThat(notAllowed.err())
        .contains("spec.awsAccount: AwsAccount team-c does not allow namespace default");
    assertThat(cli.calls.all()).as("no AWS call").isEmpty();
  }

  private String account(String roleArn) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: AwsAccount
        metadata:
          name: team-c
        spec:
          roleArn: %s
          externalId: cli-secret
          namespaces: [default]
        """
        .formatted(roleArn);
  }

  private String repository() {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcrRepository
        metadata:
          name: web
        spec:
          repositoryName: %s
          awsAccount: team-c
        """
        .formatted(name);
  }

  private boolean exists(boolean inAccount) {
    var aws = inAccount ? cli.bed.awsClientsIn(ACCOUNT) : cli.bed.awsClients(AwsCallListener.NONE);
    try (aws) {
      aws.forRegion(null).ecr().describeRepositories(r -> r.repositoryNames(name));
      return true;
    } catch (RepositoryNotFoundException missing) {
      return false;
    }
  }
}

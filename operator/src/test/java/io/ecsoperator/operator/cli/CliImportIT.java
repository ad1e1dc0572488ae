package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryReader;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import of an estate made by hand in moto, then plan on the result: no change. Then apply adopts
 * it (ownership tags only) and plan still shows no change.
 */
class CliImportIT {

  private static final String LIFECYCLE =
      "{\"rules\":[{\"rulePriority\":2,\"description\":\"\",\"selection\":{\"tagStatus\":\"tagged\","
          + "\"tagPrefixList\":[\"v\",\"release\"],\"countType\":\"imageCountMoreThan\","
          + "\"countNumber\":20},\"action\":{\"type\":\"expire\"}},{\"rulePriority\":1,"
          + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\","
          + "\"countUnit\":\"days\",\"countNumber\":3},\"action\":{\"type\":\"expire\"}}]}";
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Ci\",\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
          + "\"Action\":\"ecr:BatchGetImage\"}}";

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void handMadeEstate() {
    cli.bed.resetAws();
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      clients
          .ecr()
          .createRepository(
              r ->
                  r.repositoryName("shop/api")
                      .imageTagMutability("IMMUTABLE")
                      .imageScanningConfiguration(s -> s.scanOnPush(true))
                      .tags(t -> t.key("team").value("api")));
      clients
          .ecr()
          .putLifecyclePolicy(r -> r.repositoryName("shop/api").lifecyclePolicyText(LIFECYCLE));
      clients.ecr().setRepositoryPolicy(r -> r.repositoryName("shop/api").policyText(POLICY));
      clients.ecr().createRepository(r -> r.repositoryName("tools"));
      clients
          .ecs()
          .createCluster(
              r ->
                  r.clusterName("Shop_Prod")
                      .settings(s -> s.name("containerInsights").value("enhanced"))
                      .configuration(c -> c.executeCommandConfiguration(e -> e.logging("NONE")))
                      .capacityProviders("FARGATE", "FARGATE_SPOT")
                      .defaultCapacityProviderStrategy(
                          s -> s.capacityProvider("FARGATE_SPOT").weight(4),
                          s -> s.capacityProvider("FARGATE").weight(1).base(1))
                      .tags(t -> t.key("team").value("shop")));
      clients.ecs().createCluster(r -> r.clusterName("batch"));
    }
  }

  @Test
  void importThenPlanShowsNoChangeAndApplyOnlyAdopts() throws Exception {
    Path file = dir.resolve("estate.yaml");

    CliHarness.Result imported =
        cli.run(
            "import",
            "--repository",
            "shop/api",
            "--repository",
            "tools",
            "--cluster",
            "Shop_Prod",
            "--cluster",
            "batch",
            "-o",
            file.toString());

    assertThat(imported.exitCode()).as(imported.output()).isZero();
    assertThat(imported.err()).contains("wrote 4 manifests to " + file);
    Golden.assertMatches("import/estate.yaml", Files.readString(file));

    CliHarness.Result plan = cli.run("plan", "-f", file.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out()).endsWith("Plan: 0 to create, 0 to update, 0 blocked, 4 unchanged.\n");

    cli.calls.reset();
    CliHarness.Result apply = cli.run("apply", "-f", file.toString());
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(apply.out()).contains("Ready: took over the existing AWS resource");
    assertThat(cli.calls.writes()).containsOnlyKeys("TagResource");
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      assertThat(EcrRepositoryReader.read(aws.forRegion(null), "tools", false, false).tags())
          .containsEntry(ResourceRef.OWNER_TAG, "default/tools");
    }

    CliHarness.Result again = cli.run("plan", "-f", file.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).doesNotContain("adopt");
  }

  @Test
  void writesOneFilePerObjectIntoAFolderOrAllToStandardOutput() throws Exception {
    CliHarness.Result toFolder =
        cli.run(
            "import",
            "--repository",
            "tools",
            "--cluster",
            "batch",
            "-n",
            "ops",
            "-o",
            dir + "/out/");

    assertThat(toFolder.exitCode()).as(toFolder.output()).isZero();
    assertThat(Files.readString(dir.resolve("out/ecrrepository-tools.yaml")))
        .contains(
            "kind: EcrRepository\nmetadata:\n  name: tools\n  namespace: ops\nspec:\n  adopt: true\n");
    assertThat(dir.resolve("out/ecscluster-batch.yaml")).exists();

    CliHarness.Result toStdout =
        cli.run("import", "--repository", "tools", "--region", "us-east-1");
    assertThat(toStdout.out()).contains("spec:\n  region: us-east-1\n  adopt: true\n");
    assertThat(cli.runWithInput(toStdout.out(), "plan", "-f", "-").exitCode()).isZero();
  }

  @Test
  void aMissingResourceIsAnError() {
    CliHarness.Result result = cli.run("import", "--repository", "nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("no EcrRepository named nope in us-east-1");
    assertThat(result.out()).isEmpty();
  }
}

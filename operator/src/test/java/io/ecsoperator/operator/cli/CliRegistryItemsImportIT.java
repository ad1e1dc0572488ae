package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --registry} of pull through cache rules and repository creation templates made by
 * hand in the bed's ECR, then plan and apply on the result: no change to AWS, only adoption (which
 * writes nothing: these resources have no tags).
 */
class CliRegistryItemsImportIT {

  private static final String LIFECYCLE =
      "{\"rules\":[{\"rulePriority\":1,\"description\":\"\",\"selection\":{\"tagStatus\":"
          + "\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\","
          + "\"countNumber\":3},\"action\":{\"type\":\"expire\"}}]}";

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void handMadeRegistry() {
    cli.bed.resetAws();
    try (AwsClientFactory aws = cli.bed.awsClients(AwsCallListener.NONE)) {
      AwsClients clients = aws.forRegion(null);
      clients
          .ecr()
          .createPullThroughCacheRule(
              r -> r.ecrRepositoryPrefix("ecr-public").upstreamRegistryUrl("public.ecr.aws"));
      clients
          .ecr()
          .createPullThroughCacheRule(
              r ->
                  r.ecrRepositoryPrefix("quay")
                      .upstreamRegistryUrl("quay.io")
                      .upstreamRepositoryPrefix("prometheus"));
      clients
          .ecr()
          .createRepositoryCreationTemplate(
              r ->
                  r.prefix("shop/")
                      .description("pushed by CI")
                      .appliedForWithStrings("CREATE_ON_PUSH", "PULL_THROUGH_CACHE")
                      .imageTagMutability("IMMUTABLE_WITH_EXCLUSION")
                      .imageTagMutabilityExclusionFilters(
                          f -> f.filterType("WILDCARD").filter("latest"))
                      .lifecyclePolicy(LIFECYCLE)
                      .resourceTags(t -> t.key("team").value("shop")));
    }
  }

  @Test
  void importThenPlanShowsNoChangeAndApplyWritesNothing() throws Exception {
    Path file = dir.resolve("registry.yaml");

    CliHarness.Result imported = cli.run("import", "--registry", "-o", file.toString());

    assertThat(imported.exitCode()).as(imported.output()).isZero();
    String manifests = Files.readString(file);
    assertThat(manifests)
        .contains("kind: EcrPullThroughCacheRule", "kind: EcrRepositoryCreationTemplate")
        .contains("ecrRepositoryPrefix: ecr-public", "upstreamRegistry: ecr-public")
        .contains("upstreamRepositoryPrefix: prometheus")
        .contains("prefix: shop/", "filter: latest", "countNumber: 3", "team: shop")
        .contains("adopt: true")
        .doesNotContain("upstreamRepositoryPrefix: ROOT", "AES256", "description: \"\"");

    cli.calls.reset();
    CliHarness.Result plan = cli.run("plan", "-f", file.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.out()).endsWith("Plan: 0 to create, 0 to update, 0 blocked, 3 unchanged.\n");

    CliHarness.Result apply = cli.run("apply", "-f", file.toString());
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(apply.out()).contains("Apply: 3 ready.");
    assertThat(cli.calls.writes()).as("adopting a tagless resource writes nothing").isEmpty();
  }
}

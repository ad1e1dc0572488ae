package io.ecsoperator.operator.pullthroughcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.pullthroughcache.EcrPullThroughCacheRuleAdapter;
import io.ecsoperator.testsupport.BedSecrets;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRule;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRuleNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryCreationTemplate;

/**
 * EcrPullThroughCacheRule and EcrRepositoryCreationTemplate end to end, from
 * examples/registry.yaml: the real API server, the operator and the bed's ECR, driven with kubectl
 * as a user would. Each test uses its own prefixes: they are registry-wide, and the class shares
 * one account.
 */
class EcrRegistryItemsE2EIT extends OperatorE2E {

  private static final String EXAMPLE_SECRET =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf";

  private static final String MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
          + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":7023,"
          + "\"digest\":\"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7\"},"
          + "\"layers\":[]}";

  private EcrClient ecr;

  EcrRegistryItemsE2EIT() {
    super(
        "ecr-registry",
        new Example("registry.yaml", "docker-hub", "ecrRepositoryPrefix", "docker-hub"));
  }

  @BeforeAll
  void ecrClient() {
    ecr = h.aws.forRegion(null).ecr();
  }

  @Test
  void theExampleGoesReadyAndARepeatedApplyWritesNothing()
      throws IOException, InterruptedException {
    h.apply(registry("hub", "shop")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrpullthroughcacherule/hub", WAIT);
    h.waitFor("condition=Ready", "ecrrepositorycreationtemplate/shop", WAIT);

    assertThat(h.get("ecrpullthroughcacherule/hub", ".status.validation.isValid"))
        .isEqualTo("true");
    assertThat(h.get("ecrpullthroughcacherule/hub", ".status.createdAt")).isNotEmpty();
    assertThat(rule("hub").upstreamRegistryUrl()).isEqualTo("registry-1.docker.io");
    RepositoryCreationTemplate template = template("shop/");
    assertThat(template.appliedForAsStrings()).containsExactly("CREATE_ON_PUSH");
    assertThat(template.imageTagMutabilityAsString()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
    assertThat(template.lifecyclePolicy()).contains("Keep the last 50 release images");
    assertThat(template.repositoryPolicy()).contains("AllowPullFromTheDeployAccount");
    assertThat(template.resourceTags())
        .singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualTo("shop"));
    String rule = h.get("ecrpullthroughcacherule/hub", ".metadata.resourceVersion");
    String templateVersion =
        h.get("ecrrepositorycreationtemplate/shop", ".metadata.resourceVersion");
    h.calls.reset();

    h.apply(registry("hub", "shop")).assertSuccess("apply again");
    Thread.sleep(RESYNC.multipliedBy(3).toMillis());

    assertThat(h.calls.all())
        .as("the resyncs read AWS")
        .containsKeys("DescribePullThroughCacheRules", "DescribeRepositoryCreationTemplates");
    assertThat(h.calls.writes()).as("AWS writes of a repeated apply and no-op resyncs").isEmpty();
    assertThat(h.get("ecrpullthroughcacherule/hub", ".metadata.resourceVersion")).isEqualTo(rule);
    assertThat(h.get("ecrrepositorycreationtemplate/shop", ".metadata.resourceVersion"))
        .isEqualTo(templateVersion);
  }

  @Test
  void aPushUnderTheTemplatesPrefixCreatesTheRepositoryFromIt() throws IOException {
    h.apply(registry("push-hub", "pushed")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrrepositorycreationtemplate/pushed", WAIT);

    ecr.putImage(r -> r.repositoryName("pushed/web").imageTag("v1").imageManifest(MANIFEST));

    Repository created =
        ecr.describeRepositories(r -> r.repositoryNames("pushed/web")).repositories().get(0);
    assertThat(created.imageTagMutabilityAsString()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
    assertThat(ecr.getLifecyclePolicy(r -> r.repositoryName("pushed/web")).lifecyclePolicyText())
        .contains("Keep the last 50 release images");
  }

  @Test
  void outOfBandUpdatesAreCorrected() throws IOException {
    h.apply(registry("drifted-hub", "drifted")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrpullthroughcacherule/drifted-hub", WAIT);
    h.waitFor("condition=Ready", "ecrrepositorycreationtemplate/drifted", WAIT);
    String declared = rule("drifted-hub").credentialArn();
    String other = secret("ecr-pullthroughcache/someone-else");

    ecr.updatePullThroughCacheRule(r -> r.ecrRepositoryPrefix("drifted-hub").credentialArn(other));
    ecr.updateRepositoryCreationTemplate(
        r ->
            r.prefix("drifted/")
                .appliedForWithStrings("REPLICATION")
                .description("changed by hand"));

    await()
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(
            () -> {
              assertThat(rule("drifted-hub").credentialArn()).isEqualTo(declared);
              RepositoryCreationTemplate template = template("drifted/");
              assertThat(template.appliedForAsStrings()).containsExactly("CREATE_ON_PUSH");
              assertThat(template.description()).startsWith("Repositories CI creates");
              assertThat(template.imageTagMutabilityAsString())
                  .isEqualTo("IMMUTABLE_WITH_EXCLUSION");
            });
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(events("drifted-hub")).contains("DriftCorrected");
              assertThat(events("drifted")).contains("DriftCorrected");
            });
  }

  @Test
  void aRuleEcrCannotValidateIsStalledWithEcrsReasonUntilItCan() throws IOException {
    String failure = "Unable to authenticate to registry-1.docker.io: 401 Unauthorized";
    h.apply(registry("bad-hub", "bad")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrpullthroughcacherule/bad-hub", WAIT);

    steerValidation("bad-hub", "\"" + failure + "\"");

    waitForReason(
        "ecrpullthroughcacherule/bad-hub",
        "Stalled",
        EcrPullThroughCacheRuleAdapter.VALIDATION_FAILED);
    assertThat(h.get("ecrpullthroughcacherule/bad-hub", ".status.validation.isValid"))
        .isEqualTo("false");
    assertThat(h.get("ecrpullthroughcacherule/bad-hub", ".status.validation.failure"))
        .isEqualTo(failure);
    assertThat(h.get("ecrpullthroughcacherule/bad-hub", conditionMessage("Ready")))
        .contains(failure);
    assertThat(
            h.get(
                "ecrpullthroughcacherule/bad-hub",
                ".status.conditions[?(@.type==\"Ready\")].status"))
        .isEqualTo("False");

    steerValidation("bad-hub", "null");

    h.waitFor("condition=Ready", "ecrpullthroughcacherule/bad-hub", WAIT);
    assertThat(h.get("ecrpullthroughcacherule/bad-hub", ".status.validation.isValid"))
        .isEqualTo("true");
  }

  @Test
  void deletingTheObjectsDeletesTheRuleAndTheTemplate() throws IOException {
    h.apply(registry("gone-hub", "gone")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrpullthroughcacherule/gone-hub", WAIT);
    h.waitFor("condition=Ready", "ecrrepositorycreationtemplate/gone", WAIT);

    h.kubectl(
            "delete",
            "ecrpullthroughcacherule/gone-hub",
            "ecrrepositorycreationtemplate/gone",
            "--timeout=60s")
        .assertSuccess("delete");

    assertThat(
            ecr.describeRepositoryCreationTemplates(r -> r.prefixes("gone/"))
                .repositoryCreationTemplates())
        .isEmpty();
    try {
      ecr.describePullThroughCacheRules(r -> r.ecrRepositoryPrefixes("gone-hub"));
      throw new AssertionError("the rule gone-hub is still in ECR");
    } catch (PullThroughCacheRuleNotFoundException gone) {
      assertThat(gone.awsErrorDetails().errorCode())
          .isEqualTo("PullThroughCacheRuleNotFoundException");
    }
  }

  /**
   * The example with its objects renamed, its rule on prefix {@code hub} with a Docker Hub secret
   * of the bed's Secrets Manager, and its template on prefix {@code templatePrefix/}.
   */
  private String registry(String hub, String templatePrefix) throws IOException {
    return exampleYaml()
        .replace("name: docker-hub\n", "name: " + hub + "\n")
        .replace("ecrRepositoryPrefix: docker-hub", "ecrRepositoryPrefix: " + hub)
        .replace(EXAMPLE_SECRET, secret("ecr-pullthroughcache/" + hub))
        .replace("name: shop\n", "name: " + templatePrefix + "\n")
        .replace("prefix: shop/", "prefix: " + templatePrefix + "/");
  }

  private String secret(String name) {
    return BedSecrets.arn(h.bed, name);
  }

  /** The bed's ValidatePullThroughCacheRule answers with this failure (a JSON string, or null). */
  private void steerValidation(String prefix, String failure) {
    h.bed.steerAws(
        "/_ecsbed/ecr/pull-through-cache/validation",
        "{\"ecrRepositoryPrefix\": \"" + prefix + "\", \"failure\": " + failure + "}");
  }

  private PullThroughCacheRule rule(String prefix) {
    return ecr.describePullThroughCacheRules(r -> r.ecrRepositoryPrefixes(prefix))
        .pullThroughCacheRules()
        .get(0);
  }

  private RepositoryCreationTemplate template(String prefix) {
    return ecr.describeRepositoryCreationTemplates(r -> r.prefixes(prefix))
        .repositoryCreationTemplates()
        .get(0);
  }
}

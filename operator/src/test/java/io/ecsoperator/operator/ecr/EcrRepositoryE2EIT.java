package io.ecsoperator.operator.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * EcrRepository end to end: the real API server, the operator and moto, driven with kubectl the way
 * a user would.
 */
class EcrRepositoryE2EIT extends OperatorE2E {

  private static final String MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
          + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":7023,"
          + "\"digest\":\"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7\"},"
          + "\"layers\":[]}";

  private EcrClient ecr;

  EcrRepositoryE2EIT() {
    super("ecr", new Example("ecr-repository.yaml", "web", "repositoryName", "shop/web"));
  }

  @BeforeAll
  void ecrClient() {
    ecr = h.aws.forRegion(null).ecr();
  }

  @Test
  void theExampleGoesReadyWithEveryDeclaredSettingInAws() throws IOException {
    h.apply(example("example", "shop/example")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrrepository/example", WAIT);

    assertThat(h.get("ecrrepository/example", ".status.repositoryUri")).endsWith("/shop/example");
    assertThat(h.get("ecrrepository/example", ".status.observedGeneration"))
        .isEqualTo(h.get("ecrrepository/example", ".metadata.generation"));
    assertThat(h.get("ecrrepository/example", ".status.conditions[*].type")).isEqualTo("Ready");

    Repository repo = describe("shop/example");
    assertThat(repo.imageTagMutabilityAsString()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
    assertThat(repo.imageTagMutabilityExclusionFilters())
        .singleElement()
        .satisfies(f -> assertThat(f.filter()).isEqualTo("latest"));
    assertThat(repo.imageScanningConfiguration().scanOnPush()).isTrue();
    assertThat(repo.encryptionConfiguration().encryptionTypeAsString()).isEqualTo("AES256");
    var lifecycle =
        Json.parse(
            ecr.getLifecyclePolicy(r -> r.repositoryName("shop/example")).lifecyclePolicyText());
    assertThat(lifecycle.get("rules")).hasSize(2);
    var policy =
        Json.parse(ecr.getRepositoryPolicy(r -> r.repositoryName("shop/example")).policyText());
    assertThat(policy.toString()).contains("AllowPullFromCi");
    assertThat(tags(repo))
        .containsEntry("team", "web")
        .containsEntry("cost-center", "cc-42")
        .containsEntry("ecsoperator.io/owner", h.namespace + "/example");
  }

  @Test
  void aNoOpResyncMakesNoAwsWriteAndNoKubernetesWrite() throws IOException, InterruptedException {
    h.apply(example("idle", "shop/idle")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrrepository/idle", WAIT);
    String resourceVersion = h.get("ecrrepository/idle", ".metadata.resourceVersion");
    h.calls.reset();

    Thread.sleep(RESYNC.multipliedBy(3).toMillis());

    assertThat(h.calls.all()).as("the resyncs read AWS").containsKey("DescribeRepositories");
    assertThat(h.calls.writes()).as("AWS writes of no-op resyncs").isEmpty();
    assertThat(h.get("ecrrepository/idle", ".metadata.resourceVersion"))
        .as("no status write")
        .isEqualTo(resourceVersion);
  }

  @Test
  void editingTheLifecyclePolicyChangesAwsAndIsReadyAtTheNewGeneration() throws IOException {
    h.apply(example("edited", "shop/edited")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrrepository/edited", WAIT);

    h.apply(example("edited", "shop/edited").replace("countNumber: 50", "countNumber: 20"))
        .assertSuccess("apply edit");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(lifecycleText("shop/edited")).contains("\"countNumber\":20"));
    h.waitFor("jsonpath={.status.observedGeneration}=2", "ecrrepository/edited", WAIT);
    h.waitFor("condition=Ready", "ecrrepository/edited", WAIT);
    assertThat(
            h.get(
                "ecrrepository/edited",
                ".status.conditions[?(@.type==\"Ready\")].observedGeneration"))
        .isEqualTo("2");
  }

  @Test
  void anOutOfBandChangeIsCorrectedAtTheNextDriftCheck() throws IOException {
    h.apply(example("drifted", "shop/drifted")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrrepository/drifted", WAIT);

    ecr.putImageScanningConfiguration(
        r -> r.repositoryName("shop/drifted").imageScanningConfiguration(s -> s.scanOnPush(false)));
    ecr.untagResource(r -> r.resourceArn(describe("shop/drifted").repositoryArn()).tagKeys("team"));

    await()
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(
            () -> {
              Repository repo = describe("shop/drifted");
              assertThat(repo.imageScanningConfiguration().scanOnPush()).isTrue();
              assertThat(tags(repo)).containsEntry("team", "web");
            });
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(events("drifted")).contains("DriftCorrected"));
  }

  @Test
  void observeOnlyReportsDriftAndNeverWrites() throws IOException {
    ecr.createRepository(
        r -> r.repositoryName("shop/audited").imageScanningConfiguration(s -> s.scanOnPush(false)));
    h.calls.reset();

    h.apply(
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcrRepository
            metadata:
              name: audited
            spec:
              repositoryName: shop/audited
              managementPolicy: ObserveOnly
              imageScanningConfiguration:
                scanOnPush: true
            """)
        .assertSuccess("apply");

    h.waitFor(
        "jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}=DriftDetected",
        "ecrrepository/audited",
        WAIT);
    assertThat(h.get("ecrrepository/audited", ".status.drift[*].path"))
        .isEqualTo("imageScanningConfiguration.scanOnPush");
    assertThat(h.get("ecrrepository/audited", ".status.conditions[?(@.type==\"Ready\")].status"))
        .isEqualTo("False");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(events("audited")).contains("DriftDetected"));
    assertThat(describe("shop/audited").imageScanningConfiguration().scanOnPush()).isFalse();
    assertThat(tags(describe("shop/audited"))).doesNotContainKey("ecsoperator.io/owner");
    assertThat(h.calls.writes()).isEmpty();
  }

  @Test
  void anUnownedRepositoryIsLeftAloneUntilAdoptedThenTaggedAndReady() throws IOException {
    ecr.createRepository(
        r -> r.repositoryName("shop/legacy").imageScanningConfiguration(s -> s.scanOnPush(false)));
    String manifest =
        """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcrRepository
        metadata:
          name: legacy
        spec:
          repositoryName: shop/legacy
          adopt: %s
          imageScanningConfiguration:
            scanOnPush: true
        """;

    h.apply(manifest.formatted("false")).assertSuccess("apply");
    h.waitFor("condition=Stalled", "ecrrepository/legacy", WAIT);
    assertThat(h.get("ecrrepository/legacy", ".status.conditions[?(@.type==\"Stalled\")].reason"))
        .isEqualTo("AlreadyExists");
    assertThat(describe("shop/legacy").imageScanningConfiguration().scanOnPush()).isFalse();
    assertThat(tags(describe("shop/legacy"))).isEmpty();

    h.apply(manifest.formatted("true")).assertSuccess("apply adopt");
    h.waitFor("condition=Ready", "ecrrepository/legacy", WAIT);
    assertThat(describe("shop/legacy").imageScanningConfiguration().scanOnPush()).isTrue();
    assertThat(tags(describe("shop/legacy")))
        .containsEntry("ecsoperator.io/owner", h.namespace + "/legacy");
    assertThat(
            h.kubectl("get", "ecrrepository/legacy", "-o", "jsonpath={.status.conditions[*].type}")
                .stdout())
        .isEqualTo("Ready");
  }

  @Test
  void deletingARepositoryWithImagesStallsUntilForceDeleteIsSet() throws IOException {
    h.apply(example("images", "shop/images")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrrepository/images", WAIT);
    ecr.putImage(r -> r.repositoryName("shop/images").imageTag("v1").imageManifest(MANIFEST));

    h.kubectl("delete", "ecrrepository/images", "--wait=false").assertSuccess("delete");

    h.waitFor("condition=Stalled", "ecrrepository/images", WAIT);
    assertThat(h.get("ecrrepository/images", ".status.conditions[?(@.type==\"Stalled\")].reason"))
        .isEqualTo("RepositoryNotEmpty");
    assertThat(h.get("ecrrepository/images", ".metadata.finalizers[*]"))
        .as("DESIGN §6")
        .isEqualTo("ecsoperator.io/finalizer");
    assertThat(describe("shop/images")).isNotNull();

    h.kubectl(
            "patch",
            "ecrrepository/images",
            "--type=merge",
            "-p",
            "{\"spec\":{\"forceDelete\":true}}")
        .assertSuccess("patch");
    h.waitFor("delete", "ecrrepository/images", WAIT);
    assertThat(exists("shop/images")).isFalse();
  }

  @Test
  void aPolicyAwsRejectsStallsWithAwsMessageUntilTheSpecIsFixed() {
    String manifest =
        """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcrRepository
        metadata:
          name: rejected
        spec:
          repositoryName: shop/rejected
          repositoryPolicy:
            Version: "2012-10-17"
            Statement:
              - Effect: %s
                Principal: "*"
                Action: ecr:BatchGetImage
        """;

    h.apply(manifest.formatted("Perhaps")).assertSuccess("apply");

    h.waitFor("condition=Stalled", "ecrrepository/rejected", WAIT);
    assertThat(h.get("ecrrepository/rejected", ".status.conditions[?(@.type==\"Stalled\")].reason"))
        .isEqualTo("InvalidParameter");
    assertThat(
            h.get("ecrrepository/rejected", ".status.conditions[?(@.type==\"Stalled\")].message"))
        .contains("Invalid repository policy provided");
    assertThat(h.get("ecrrepository/rejected", ".status.conditions[*].type"))
        .doesNotContain("Reconciling");

    h.apply(manifest.formatted("Allow")).assertSuccess("apply fix");
    h.waitFor("condition=Ready", "ecrrepository/rejected", WAIT);
    assertThat(h.get("ecrrepository/rejected", ".status.conditions[*].type")).isEqualTo("Ready");
  }

  @Test
  void retainKeepsTheRepositoryWhenTheObjectIsDeleted() throws IOException {
    h.apply(example("kept", "shop/kept").replace("spec:\n", "spec:\n  deletionPolicy: Retain\n"))
        .assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrrepository/kept", WAIT);

    h.kubectl("delete", "ecrrepository/kept", "--timeout=60s").assertSuccess("delete");

    assertThat(h.kubectl("get", "ecrrepository/kept").exitCode()).isNotZero();
    assertThat(exists("shop/kept")).isTrue();
  }

  @Test
  void deletingARepositoryRemovesItFromAws() throws IOException {
    h.apply(example("gone", "shop/gone")).assertSuccess("apply");
    h.waitFor("condition=Ready", "ecrrepository/gone", WAIT);

    h.kubectl("delete", "ecrrepository/gone", "--timeout=60s").assertSuccess("delete");

    assertThat(exists("shop/gone")).isFalse();
    assertThat(events("gone")).contains("Deleted");
  }

  private Repository describe(String name) {
    return ecr.describeRepositories(r -> r.repositoryNames(name)).repositories().get(0);
  }

  private boolean exists(String name) {
    try {
      describe(name);
      return true;
    } catch (RepositoryNotFoundException e) {
      return false;
    }
  }

  private Map<String, String> tags(Repository repo) {
    return ecr.listTagsForResource(r -> r.resourceArn(repo.repositoryArn())).tags().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private String lifecycleText(String name) {
    return Json.parse(ecr.getLifecyclePolicy(r -> r.repositoryName(name)).lifecyclePolicyText())
        .toString();
  }
}

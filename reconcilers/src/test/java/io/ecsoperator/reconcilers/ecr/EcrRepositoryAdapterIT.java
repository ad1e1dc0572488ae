package io.ecsoperator.reconcilers.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.CreateRace;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.testsupport.AdapterIT;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * The ECR adapter and the reconcile engine against moto (DESIGN §3, §6, §7): what each change costs
 * in AWS calls, idempotency, ownership and deletion.
 */
class EcrRepositoryAdapterIT extends AdapterIT<EcrRepositorySpec, EcrRepositoryState> {

  private static final String NAME = "shop/adapter";
  private static final String MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
          + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":7023,"
          + "\"digest\":\"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7\"},"
          + "\"layers\":[]}";

  /** Every setting the spec has; the lifecycle rules are listed out of priority order. */
  private static final String FULL_SPEC =
      """
      repositoryName: shop/adapter
      region: %s
      imageTagMutability: IMMUTABLE_WITH_EXCLUSION
      imageTagMutabilityExclusionFilters:
        - filter: latest
        - filter: "dev-*"
          filterType: WILDCARD
      imageScanningConfiguration:
        scanOnPush: true
      encryptionConfiguration:
        encryptionType: KMS
        kmsKey: arn:aws:kms:%s:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
      lifecyclePolicy:
        rules:
          - rulePriority: 2
            description: Keep the last 50 release images
            selection:
              tagStatus: tagged
              tagPatternList: ["v*", "release-*"]
              countType: imageCountMoreThan
              countNumber: 50
            action:
              type: expire
          - rulePriority: 1
            description: Expire untagged images after 14 days
            selection:
              tagStatus: untagged
              countType: sinceImagePushed
              countUnit: days
              countNumber: 14
            action:
              type: expire
      repositoryPolicy:
        Version: "2012-10-17"
        Statement:
          - Sid: AllowPullFromCi
            Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:root
            Action:
              - ecr:GetDownloadUrlForLayer
              - ecr:BatchGetImage
      forceDelete: false
      tags:
        team: web
        cost-center: cc-42
        stage: prod
      """;

  private static final String WITHOUT_ENCRYPTION = "(?s)encryptionConfiguration:.*?lifecyclePolicy";

  private EcrClient ecr;

  @Override
  protected ResourceAdapter<EcrRepositorySpec, EcrRepositoryState> newAdapter(
      AwsClientFactory aws) {
    return new EcrRepositoryAdapter(aws, NAME);
  }

  @Override
  protected Class<EcrRepositorySpec> specClass() {
    return EcrRepositorySpec.class;
  }

  @Override
  protected String fullSpecYaml() {
    return FULL_SPEC.formatted(bed.region(), bed.region());
  }

  @BeforeEach
  void ecrClient() {
    ecr = aws.forRegion(null).ecr();
  }

  @Test
  void createWithEverySettingLeavesNothingToChange() {
    EcrRepositorySpec spec = fullSpec();

    ReconcileOutcome<EcrRepositoryState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices()).extracting(Notice::reason).containsExactly("Created");
    assertThat(calls.writes())
        .as("settings CreateRepository cannot take go in one call each")
        .isEqualTo(
            Map.of("CreateRepository", 1, "PutLifecyclePolicy", 1, "SetRepositoryPolicy", 1));

    Observation<EcrRepositoryState> observation = adapter.observe(REF, spec);
    assertThat(observation.exists()).isTrue();
    assertThat(observation.ownership()).isEqualTo(Ownership.OURS);
    assertThat(observation.changes().changes()).as("changes after create").isEmpty();

    Repository repo = describe();
    assertThat(repo.imageTagMutabilityAsString()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
    assertThat(repo.imageTagMutabilityExclusionFilters())
        .extracting(f -> f.filter())
        .containsExactlyInAnyOrder("latest", "dev-*");
    assertThat(repo.imageScanningConfiguration().scanOnPush()).isTrue();
    assertThat(repo.encryptionConfiguration().encryptionTypeAsString()).isEqualTo("KMS");
    assertThat(repo.encryptionConfiguration().kmsKey())
        .endsWith("key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(Json.parse(lifecyclePolicyText()).get("rules")).hasSize(2);
    assertThat(ecr.getRepositoryPolicy(r -> r.repositoryName(NAME)).policyText())
        .contains("AllowPullFromCi");
    assertThat(tags())
        .containsEntry("team", "web")
        .containsEntry("cost-center", "cc-42")
        .containsEntry("stage", "prod")
        .containsEntry(OWNER_TAG, "ns/name")
        .containsEntry(ResourceRef.UID_TAG, "uid")
        .hasSize(5);
    assertThat(outcome.actual().repositoryUri()).endsWith("/" + NAME);
    assertThat(outcome.actual().arn()).isEqualTo(repo.repositoryArn());
  }

  @Test
  void aSecondReconcileMakesNoWriteCall() {
    EcrRepositorySpec spec = fullSpec();
    assertThat(reconcile(spec, false).state()).isEqualTo(State.READY);
    calls.reset();

    ReconcileOutcome<EcrRepositoryState> again = reconcile(fullSpec(), true);

    assertThat(again.state()).isEqualTo(State.READY);
    assertThat(again.notices()).isEmpty();
    assertThat(calls.writes()).isEmpty();
    assertThat(calls.all())
        .as("only reads")
        .containsOnlyKeys(
            "DescribeRepositories",
            "ListTagsForResource",
            "GetLifecyclePolicy",
            "GetRepositoryPolicy");
  }

  @Test
  void changingOnlyTagsCallsOnlyTheTaggingApis() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcrRepositorySpec spec =
        spec(
            fullSpecYaml()
                .replace("team: web", "team: api")
                .replace("  stage: prod\n", "  owner: platform\n"));

    ReconcileOutcome<EcrRepositoryState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices()).extracting(Notice::message).containsExactly("updated tags");
    assertThat(calls.writes()).isEqualTo(Map.of("TagResource", 1, "UntagResource", 1));
    assertThat(tags())
        .containsEntry("team", "api")
        .containsEntry("owner", "platform")
        .containsEntry("cost-center", "cc-42")
        .doesNotContainKey("stage")
        .containsEntry(OWNER_TAG, "ns/name")
        .containsEntry(ResourceRef.UID_TAG, "uid");
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void removingATagOnlyUntags() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    reconcile(spec(fullSpecYaml().replace("  stage: prod\n", "")), false);

    assertThat(calls.writes()).isEqualTo(Map.of("UntagResource", 1));
    assertThat(tags()).doesNotContainKey("stage").containsKeys("team", OWNER_TAG);
  }

  @Test
  void anEmptyTagMapRemovesTheUserTagsButKeepsOwnership() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    reconcile(spec(fullSpecYaml().replaceAll("(?s)\ntags:.*", "\ntags: {}\n")), false);

    assertThat(calls.writes()).isEqualTo(Map.of("UntagResource", 1));
    assertThat(tags()).containsOnlyKeys(OWNER_TAG, ResourceRef.UID_TAG);
  }

  @Test
  void changingOnlyTheLifecyclePolicyCallsOnlyPutLifecyclePolicy() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcrRepositorySpec spec = spec(fullSpecYaml().replace("countNumber: 50", "countNumber: 20"));

    ReconcileOutcome<EcrRepositoryState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("PutLifecyclePolicy", 1));
    assertThat(lifecyclePolicyText()).contains("\"countNumber\":20");
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void reorderingLifecycleRulesAndTagPatternsIsNoChange() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcrRepositorySpec spec =
        spec(fullSpecYaml().replace("[\"v*\", \"release-*\"]", "[\"release-*\", \"v*\"]"));

    reconcile(spec, true);

    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void anEmptyRuleListDeletesTheLifecyclePolicy() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcrRepositorySpec spec = spec(withLifecyclePolicy("lifecyclePolicy:\n  rules: []\n"));

    ReconcileOutcome<EcrRepositoryState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("DeleteLifecyclePolicy", 1));
    assertThatThrownBy(this::lifecyclePolicyText)
        .isInstanceOf(LifecyclePolicyNotFoundException.class);

    calls.reset();
    assertThat(reconcile(spec, true).state()).isEqualTo(State.READY);
    assertThat(calls.writes()).as("no policy is what the spec wants").isEmpty();
  }

  @Test
  void changingTheRepositoryPolicyCallsOnlySetRepositoryPolicy() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcrRepositorySpec spec = spec(fullSpecYaml().replace("111122223333:root", "444455556666:root"));

    ReconcileOutcome<EcrRepositoryState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("SetRepositoryPolicy", 1));
    assertThat(ecr.getRepositoryPolicy(r -> r.repositoryName(NAME)).policyText())
        .contains("444455556666");
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void anEmptyStatementListDeletesTheRepositoryPolicy() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcrRepositorySpec spec =
        spec(
            fullSpecYaml()
                .replaceAll(
                    "(?s)repositoryPolicy:.*forceDelete",
                    "repositoryPolicy:\n  Version: \"2012-10-17\"\n  Statement: []\nforceDelete"));

    reconcile(spec, false);

    assertThat(calls.writes()).isEqualTo(Map.of("DeleteRepositoryPolicy", 1));
    assertThatThrownBy(() -> ecr.getRepositoryPolicy(r -> r.repositoryName(NAME)))
        .isInstanceOf(RepositoryPolicyNotFoundException.class);
  }

  @Test
  void changingOnlyScanOnPushCallsOnlyPutImageScanningConfiguration() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    reconcile(spec(fullSpecYaml().replace("scanOnPush: true", "scanOnPush: false")), false);

    assertThat(calls.writes()).isEqualTo(Map.of("PutImageScanningConfiguration", 1));
    assertThat(describe().imageScanningConfiguration().scanOnPush()).isFalse();
  }

  @Test
  void changingOnlyTheExclusionFiltersCallsOnlyPutImageTagMutability() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    reconcile(spec(fullSpecYaml().replace("- filter: latest", "- filter: main")), false);

    assertThat(calls.writes()).isEqualTo(Map.of("PutImageTagMutability", 1));
    assertThat(describe().imageTagMutabilityExclusionFilters())
        .extracting(f -> f.filter())
        .containsExactlyInAnyOrder("main", "dev-*");
  }

  @Test
  void leavingTheExclusionModeDropsTheFilters() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcrRepositorySpec spec =
        spec(
            fullSpecYaml()
                .replace("IMMUTABLE_WITH_EXCLUSION", "IMMUTABLE")
                .replaceAll(
                    "(?s)imageTagMutabilityExclusionFilters:.*?imageScanning", "imageScanning"));

    reconcile(spec, false);

    assertThat(calls.writes()).isEqualTo(Map.of("PutImageTagMutability", 1));
    assertThat(describe().imageTagMutabilityAsString()).isEqualTo("IMMUTABLE");
    assertThat(describe().imageTagMutabilityExclusionFilters()).isEmpty();
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void aRepositoryInAnotherRegionIsManagedThere() {
    String region = otherRegion();
    EcrRepositorySpec spec =
        spec(fullSpecYaml().replace("region: " + bed.region(), "region: " + region));

    assertThat(reconcile(spec, false).state()).isEqualTo(State.READY);
    calls.reset();
    assertThat(reconcile(spec, true).state()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEmpty();

    EcrClient there = aws.forRegion(region).ecr();
    assertThat(
            there
                .describeRepositories(r -> r.repositoryNames(NAME))
                .repositories()
                .get(0)
                .repositoryArn())
        .contains(":" + region + ":");
    assertThat(ecr.describeRepositories().repositories())
        .as("nothing in the default region")
        .isEmpty();

    assertThat(ReconcileEngine.delete(adapter, REF, spec).progress())
        .isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(there.describeRepositories().repositories()).isEmpty();
  }

  @Test
  void changingTheEncryptionStallsWithoutWriting() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    ReconcileOutcome<EcrRepositoryState> outcome =
        reconcile(
            spec(
                fullSpecYaml()
                    .replaceAll(
                        "(?s)encryptionConfiguration:.*?lifecyclePolicy",
                        "encryptionConfiguration:\n  encryptionType: AES256\nlifecyclePolicy")),
            false);

    assertThat(outcome.state()).isEqualTo(State.STALLED);
    assertThat(outcome.reason()).isEqualTo("ImmutableField");
    assertThat(outcome.message()).contains("encryptionConfiguration.encryptionType");
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void aCreateWhoseResponseWasLostDoesNotDuplicateOrFail() {
    // An earlier CreateRepository reached AWS, but its response never came back.
    ecr.createRepository(
        r ->
            r.repositoryName(NAME)
                .tags(tag(OWNER_TAG, "ns/name"), tag(ResourceRef.UID_TAG, "uid")));
    EcrRepositorySpec spec = fullSpecWithoutEncryption();
    calls.reset();

    EcrRepositoryState created = reconcileRacing(spec).actual();

    assertThat(created.repositoryName()).isEqualTo(NAME);
    assertThat(created.arn()).isEqualTo(describe().repositoryArn());
    assertThat(ecr.describeRepositories().repositories())
        .extracting(Repository::repositoryName)
        .containsExactly(NAME);
    assertThat(calls.writes())
        .as("one refused CreateRepository, then the settings it would have made")
        .containsEntry("CreateRepository", 1)
        .doesNotContainKeys("DeleteRepository");
    Observation<EcrRepositoryState> observation = adapter.observe(REF, spec);
    assertThat(observation.ownership()).isEqualTo(Ownership.OURS);
    assertThat(observation.changes().changes()).isEmpty();
    assertThat(describe().imageScanningConfiguration().scanOnPush()).isTrue();
    assertThat(tags()).containsEntry("team", "web").containsEntry(OWNER_TAG, "ns/name");
  }

  @Test
  void aRetriedCreateOfAnIdenticalRepositoryLeavesNothingToChange() {
    EcrRepositorySpec spec = fullSpecWithoutEncryption();
    reconcile(spec, false);
    calls.reset();

    EcrRepositoryState again = reconcileRacing(spec).actual();

    assertThat(again.arn()).isEqualTo(describe().repositoryArn());
    assertThat(ecr.describeRepositories().repositories()).hasSize(1);
    assertThat(calls.writes()).isEqualTo(Map.of("CreateRepository", 1));
    assertThat(adapter.observe(REF, spec).changes().isEmpty()).isTrue();
  }

  @Test
  void aCreateThatFindsTheNameTakenByAnotherObjectStallsAsOwnedByOther() {
    // Another object's repository appeared between observe and create.
    ecr.createRepository(r -> r.repositoryName(NAME).tags(tag(OWNER_TAG, "other/owner")));
    calls.reset();

    ReconcileOutcome<EcrRepositoryState> outcome = reconcileRacing(fullSpecWithoutEncryption());

    assertThat(outcome.reason()).isEqualTo("OwnedByOther");
    assertThat(outcome.message()).contains("other/owner");

    assertThat(calls.writes()).isEqualTo(Map.of("CreateRepository", 1));
    assertThat(tags()).isEqualTo(Map.of(OWNER_TAG, "other/owner"));
  }

  @Test
  void anUnownedRepositoryStallsUntilAdopted() {
    ecr.createRepository(r -> r.repositoryName(NAME).tags(tag("team", "web")));
    calls.reset();

    ReconcileOutcome<EcrRepositoryState> refused = reconcile(fullSpec(), false);

    assertThat(refused.state()).isEqualTo(State.STALLED);
    assertThat(refused.reason()).isEqualTo("AlreadyExists");
    assertThat(calls.writes()).isEmpty();

    EcrRepositorySpec adopting =
        spec("adopt: true\n" + fullSpecYaml().replaceAll(WITHOUT_ENCRYPTION, "lifecyclePolicy"));
    ReconcileOutcome<EcrRepositoryState> adopted = reconcile(adopting, false);

    assertThat(adopted.state()).as(adopted.message()).isEqualTo(State.READY);
    assertThat(adopted.notices()).extracting(Notice::reason).contains("Adopted", "Updated");
    assertThat(tags()).containsEntry(OWNER_TAG, "ns/name").containsEntry("stage", "prod");
    assertThat(adapter.observe(REF, adopting).changes().isEmpty()).isTrue();
  }

  @Test
  void deletingARepositoryWithImagesIsBlockedUnlessForced() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    ecr.putImage(r -> r.repositoryName(NAME).imageTag("v1").imageManifest(MANIFEST));

    DeleteOutcome blocked = ReconcileEngine.delete(adapter, REF, fullSpec());

    assertThat(blocked.progress()).isEqualTo(DeleteOutcome.Progress.BLOCKED);
    assertThat(blocked.reason()).isEqualTo("RepositoryNotEmpty");
    assertThat(blocked.message()).contains("forceDelete");
    assertThat(describe().repositoryName()).isEqualTo(NAME);
    assertThat(ecr.listImages(r -> r.repositoryName(NAME)).imageIds()).hasSize(1);

    DeleteOutcome forced =
        ReconcileEngine.delete(
            adapter, REF, spec(fullSpecYaml().replace("forceDelete: false", "forceDelete: true")));

    assertThat(forced.progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(forced.reason()).isEqualTo("Deleted");
    assertThatThrownBy(this::describe).isInstanceOf(RepositoryNotFoundException.class);
  }

  @Test
  void deletingAnEmptyRepositoryNeedsNoForce() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);

    assertThat(ReconcileEngine.delete(adapter, REF, fullSpec()).progress())
        .isEqualTo(DeleteOutcome.Progress.DONE);

    assertThatThrownBy(this::describe).isInstanceOf(RepositoryNotFoundException.class);
  }

  @Test
  void deletingAMissingRepositoryIsDone() {
    DeleteOutcome viaEngine = ReconcileEngine.delete(adapter, REF, fullSpec());
    assertThat(viaEngine.progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(calls.writes()).as("the engine saw it was gone").isEmpty();

    // The adapter on its own: the repository vanished between observe and delete.
    DeleteOutcome direct = adapter.delete(REF, fullSpec(), null);
    assertThat(direct.progress()).isEqualTo(DeleteOutcome.Progress.DONE);
    assertThat(calls.writes()).isEqualTo(Map.of("DeleteRepository", 1));
  }

  @Test
  void observeOnlyReportsDriftAndNeverWrites() {
    ecr.createRepository(
        r -> r.repositoryName(NAME).imageScanningConfiguration(s -> s.scanOnPush(false)));
    calls.reset();

    ReconcileOutcome<EcrRepositoryState> outcome =
        reconcile(
            spec(
                "managementPolicy: ObserveOnly\nimageScanningConfiguration:\n  scanOnPush: true\n"),
            false);

    assertThat(outcome.state()).isEqualTo(State.DRIFTED);
    assertThat(outcome.drift())
        .extracting(c -> c.path())
        .containsExactly("imageScanningConfiguration.scanOnPush");
    assertThat(calls.writes()).isEmpty();
  }

  /** The full spec with AWS's default encryption, as a repository made elsewhere has. */
  private EcrRepositorySpec fullSpecWithoutEncryption() {
    return spec(fullSpecYaml().replaceAll(WITHOUT_ENCRYPTION, "lifecyclePolicy"));
  }

  private String withLifecyclePolicy(String lifecyclePolicy) {
    return fullSpecYaml()
        .replaceAll(
            "(?s)lifecyclePolicy:.*?repositoryPolicy", lifecyclePolicy + "repositoryPolicy");
  }

  private Repository describe() {
    return ecr.describeRepositories(r -> r.repositoryNames(NAME)).repositories().get(0);
  }

  private Map<String, String> tags() {
    return ecr.listTagsForResource(r -> r.resourceArn(describe().repositoryArn())).tags().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private String lifecyclePolicyText() {
    return ecr.getLifecyclePolicy(r -> r.repositoryName(NAME)).lifecyclePolicyText();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  /** A reconcile whose create meets the name taken since its observe. */
  private ReconcileOutcome<EcrRepositoryState> reconcileRacing(EcrRepositorySpec spec) {
    return ReconcileEngine.reconcile(CreateRace.firstObserveMisses(adapter), REF, spec, false);
  }
}

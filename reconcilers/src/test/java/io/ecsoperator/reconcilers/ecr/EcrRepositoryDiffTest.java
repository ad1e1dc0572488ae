package io.ecsoperator.reconcilers.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcrRepositoryDiffTest {

  /** Everything declared, and equal in meaning to what the fixtures say AWS has. */
  private static final String FULL_SPEC =
      """
      repositoryName: team/web
      imageTagMutability: MUTABLE
      imageScanningConfiguration:
        scanOnPush: false
      encryptionConfiguration:
        encryptionType: AES256
      lifecyclePolicy:
        rules:
          - rulePriority: 1
            description: Keep the last 30 release images
            selection:
              tagStatus: tagged
              tagPrefixList: [release, v]
              countType: imageCountMoreThan
              countNumber: 30
            action:
              type: expire
          - rulePriority: 2
            selection:
              tagStatus: untagged
              countType: sinceImagePushed
              countUnit: days
              countNumber: 14
            action:
              type: expire
      repositoryPolicy:
        Statement:
          Action:
            - ecr:BatchGetImage
          Effect: Allow
          Principal:
            AWS:
              - arn:aws:iam::210987654321:root
          Sid: AllowPullFromCi
        Version: "2012-10-17"
      tags:
        team: web
        cost-center: cc-42
      """;

  private static final String KMS_SPEC =
      """
      repositoryName: team/web
      imageTagMutability: IMMUTABLE_WITH_EXCLUSION
      imageTagMutabilityExclusionFilters:
        - filter: dev-*
        - filterType: WILDCARD
          filter: latest
      imageScanningConfiguration:
        scanOnPush: true
      encryptionConfiguration:
        encryptionType: KMS
        kmsKey: 1234abcd-12ab-34cd-56ef-1234567890ab
      """;

  private static EcrRepositorySpec spec(String yaml) {
    return EcrFixtures.spec(yaml);
  }

  /** AWS with every fixture, read the way the adapter reads it for this spec. */
  private static EcrRepositoryState aws(EcrRepositorySpec spec) {
    return EcrFixtures.aws("describe-repositories-web.json")
        .lifecyclePolicy("get-lifecycle-policy-web.json")
        .repositoryPolicy("get-repository-policy-web.json")
        .tags("list-tags-for-resource-web.json")
        .read(spec);
  }

  private static EcrRepositoryState kmsAws() {
    return EcrFixtures.aws("describe-repositories-web-kms.json")
        .tags("list-tags-for-resource-web.json")
        .read(false, false);
  }

  @Test
  void specEqualInMeaningToAwsHasNoChanges() {
    EcrRepositorySpec spec = spec(FULL_SPEC);
    EcrRepositoryState actual = aws(spec);
    // The policies were really read, so an empty diff means they compared equal.
    assertThat(actual.lifecyclePolicy()).isNotNull();
    assertThat(actual.repositoryPolicy()).isNotNull();

    ChangeSet changes = EcrRepositoryDiff.diff(spec, actual);

    assertThat(changes.changes()).isEmpty();
  }

  @Test
  void awsDefaultsForUndeclaredFieldsAreNotDrift() {
    EcrRepositorySpec spec = spec("repositoryName: team/web\n");

    assertThat(EcrRepositoryDiff.diff(spec, aws(spec)).changes()).isEmpty();
    // Even with AWS's policies read, undeclared policies are left alone.
    EcrRepositoryState withPolicies =
        EcrFixtures.aws("describe-repositories-web.json")
            .lifecyclePolicy("get-lifecycle-policy-web.json")
            .repositoryPolicy("get-repository-policy-web.json")
            .tags("list-tags-for-resource-web.json")
            .read(true, true);
    assertThat(EcrRepositoryDiff.diff(spec, withPolicies).changes()).isEmpty();
  }

  @Test
  void declaredObjectWithUndeclaredFieldsIsNotDrift() {
    EcrRepositorySpec spec =
        spec(
            """
            imageScanningConfiguration: {}
            """);

    assertThat(EcrRepositoryDiff.diff(spec, kmsAws()).changes()).isEmpty();
  }

  @Test
  void changedLifecycleRuleIsOneInPlaceChange() {
    EcrRepositorySpec spec = spec(FULL_SPEC.replace("countNumber: 30", "countNumber: 50"));

    ChangeSet changes = EcrRepositoryDiff.diff(spec, aws(spec));

    assertThat(changes.changes()).hasSize(1);
    FieldChange change = changes.changes().get(0);
    assertThat(change.path()).isEqualTo("lifecyclePolicy");
    assertThat(change.strategy()).isEqualTo(ChangeStrategy.IN_PLACE);
    assertThat(change.desired().toString()).contains("\"countNumber\":50");
    assertThat(change.actual().toString()).contains("\"countNumber\":30");
  }

  @Test
  void emptyLifecycleRulesRemoveAwsPolicy() {
    EcrRepositorySpec spec =
        spec(
            """
            lifecyclePolicy:
              rules: []
            """);

    ChangeSet changes = EcrRepositoryDiff.diff(spec, aws(spec));

    assertThat(changes.paths()).isEqualTo("lifecyclePolicy");
    assertThat(changes.changes().get(0).desired()).isNull();
  }

  @Test
  void emptyLifecycleRulesMatchNoPolicy() {
    EcrRepositorySpec spec =
        spec(
            """
            lifecyclePolicy:
              rules: []
            """);

    EcrRepositoryState noPolicy = EcrFixtures.aws("describe-repositories-web.json").read(spec);

    assertThat(EcrRepositoryDiff.diff(spec, noPolicy).changes()).isEmpty();
  }

  @Test
  void lifecyclePolicyMissingOnAwsIsDrift() {
    EcrRepositorySpec spec = spec(FULL_SPEC);
    EcrRepositoryState noPolicies =
        EcrFixtures.aws("describe-repositories-web.json")
            .tags("list-tags-for-resource-web.json")
            .read(spec);

    ChangeSet changes = EcrRepositoryDiff.diff(spec, noPolicies);

    assertThat(changes.changes())
        .extracting(FieldChange::path, FieldChange::strategy)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("lifecyclePolicy", ChangeStrategy.IN_PLACE),
            org.assertj.core.groups.Tuple.tuple("repositoryPolicy", ChangeStrategy.IN_PLACE));
  }

  @Test
  void changedRepositoryPolicyIsInPlace() {
    EcrRepositorySpec spec =
        spec(FULL_SPEC.replace("- ecr:BatchGetImage", "- ecr:BatchGetImage\n      - ecr:PutImage"));

    ChangeSet changes = EcrRepositoryDiff.diff(spec, aws(spec));

    assertThat(changes.changes())
        .extracting(FieldChange::path, FieldChange::strategy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("repositoryPolicy", ChangeStrategy.IN_PLACE));
  }

  @Test
  void multiStatementPolicyWithKeysInAnotherOrderIsNotDrift() {
    // Keys as the API server hands them over (sorted), statements as a user would list them.
    EcrRepositorySpec spec =
        spec(
            """
            repositoryPolicy:
              Statement:
                - Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
                  Effect: Allow
                  Principal: {AWS: arn:aws:iam::210987654321:root}
                  Sid: AllowPullFromProd
                - Action:
                    - ecr:PutImage
                    - ecr:InitiateLayerUpload
                    - ecr:UploadLayerPart
                    - ecr:CompleteLayerUpload
                    - ecr:BatchCheckLayerAvailability
                  Effect: Allow
                  Principal: {AWS: arn:aws:iam::123456789012:role/ci}
                  Sid: PushFromCi
              Version: "2012-10-17"
            """);
    EcrRepositoryState actual =
        EcrFixtures.aws("describe-repositories-web.json")
            .repositoryPolicy("get-repository-policy-web-two-statements.json")
            .read(spec);

    assertThat(EcrRepositoryDiff.diff(spec, actual).changes()).isEmpty();
  }

  @Test
  void emptyStatementListRemovesAwsPolicy() {
    EcrRepositorySpec spec =
        spec(
            """
            repositoryPolicy:
              Version: "2012-10-17"
              Statement: []
            """);

    ChangeSet changes = EcrRepositoryDiff.diff(spec, aws(spec));

    assertThat(changes.paths()).isEqualTo("repositoryPolicy");
    assertThat(changes.changes().get(0).desired()).isNull();
    assertThat(changes.changes().get(0).actual()).isNotNull();
  }

  @Test
  void changedTagsAreTagsOnlyAndIgnoreReservedTags() {
    EcrRepositorySpec spec =
        spec(FULL_SPEC.replace("cost-center: cc-42", "cost-center: cc-99\n  env: prod"));

    ChangeSet changes = EcrRepositoryDiff.diff(spec, aws(spec));

    assertThat(changes.changes()).hasSize(1);
    FieldChange change = changes.changes().get(0);
    assertThat(change.path()).isEqualTo("tags");
    assertThat(change.strategy()).isEqualTo(ChangeStrategy.TAGS_ONLY);
    assertThat(change.desired())
        .isEqualTo(Map.of("team", "web", "cost-center", "cc-99", "env", "prod"));
    // aws: and ecsoperator.io/ tags are AWS's and ours: never part of the user's tags.
    assertThat(change.actual()).isEqualTo(Map.of("team", "web", "cost-center", "cc-42"));
  }

  @Test
  void reservedTagsOnAwsAreNotDrift() {
    EcrRepositorySpec spec =
        spec(
            """
            tags:
              team: web
              cost-center: cc-42
            """);

    assertThat(EcrRepositoryDiff.diff(spec, aws(spec)).changes()).isEmpty();
  }

  @Test
  void removedUserTagIsDrift() {
    EcrRepositorySpec spec = spec("tags:\n  team: web\n");

    ChangeSet changes = EcrRepositoryDiff.diff(spec, aws(spec));

    assertThat(changes.only(ChangeStrategy.TAGS_ONLY))
        .singleElement()
        .satisfies(
            c -> assertThat(c.actual()).isEqualTo(Map.of("team", "web", "cost-center", "cc-42")));
  }

  @Test
  void kmsWantedOnAes256RepositoryNeedsReplacement() {
    EcrRepositorySpec spec =
        spec(
            """
            encryptionConfiguration:
              encryptionType: KMS
            """);

    ChangeSet changes = EcrRepositoryDiff.diff(spec, aws(spec));

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "encryptionConfiguration.encryptionType", "KMS", "AES256", ChangeStrategy.REPLACE));
    assertThat(changes.hasAny(ChangeStrategy.REPLACE)).isTrue();
  }

  @Test
  void kmsKeyIdMatchesAwsKeyArn() {
    assertThat(EcrRepositoryDiff.diff(spec(KMS_SPEC), kmsAws()).changes()).isEmpty();
  }

  @Test
  void kmsKeyArnMatchesAwsKeyArn() {
    EcrRepositorySpec spec =
        spec(
            KMS_SPEC.replace(
                "kmsKey: 1234abcd-12ab-34cd-56ef-1234567890ab",
                "kmsKey: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"));

    assertThat(EcrRepositoryDiff.diff(spec, kmsAws()).changes()).isEmpty();
  }

  @Test
  void kmsAliasIsTakenAsMatching() {
    EcrRepositorySpec alias =
        spec(
            KMS_SPEC.replace(
                "kmsKey: 1234abcd-12ab-34cd-56ef-1234567890ab", "kmsKey: alias/ecr-team-web"));
    EcrRepositorySpec aliasArn =
        spec(
            KMS_SPEC.replace(
                "kmsKey: 1234abcd-12ab-34cd-56ef-1234567890ab",
                "kmsKey: arn:aws:kms:eu-west-1:123456789012:alias/ecr-team-web"));

    assertThat(EcrRepositoryDiff.diff(alias, kmsAws()).changes()).isEmpty();
    assertThat(EcrRepositoryDiff.diff(aliasArn, kmsAws()).changes()).isEmpty();
  }

  @Test
  void otherKmsKeyNeedsReplacement() {
    EcrRepositorySpec spec =
        spec(
            KMS_SPEC.replace(
                "kmsKey: 1234abcd-12ab-34cd-56ef-1234567890ab",
                "kmsKey: 9999abcd-12ab-34cd-56ef-1234567890ab"));

    ChangeSet changes = EcrRepositoryDiff.diff(spec, kmsAws());

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "encryptionConfiguration.kmsKey",
                "9999abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                ChangeStrategy.REPLACE));
  }

  @Test
  void keyIdSuffixOfAnotherKeyDoesNotMatch() {
    assertThat(
            EcrRepositoryDiff.sameKmsKey(
                "56ef-1234567890ab",
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
        .isFalse();
    assertThat(EcrRepositoryDiff.sameKmsKey("1234abcd-12ab-34cd-56ef-1234567890ab", null))
        .isFalse();
  }

  @Test
  void kmsWithoutKeyMatchesAnyAwsKey() {
    EcrRepositorySpec spec =
        spec(KMS_SPEC.replace("  kmsKey: 1234abcd-12ab-34cd-56ef-1234567890ab\n", ""));

    assertThat(spec.encryptionConfiguration.kmsKey).isNull();
    assertThat(EcrRepositoryDiff.diff(spec, kmsAws()).changes()).isEmpty();
  }

  @Test
  void exclusionFiltersAreComparedAsASet() {
    // KMS_SPEC lists dev-* before latest and leaves out one filterType; AWS returns latest first.
    assertThat(EcrRepositoryDiff.diff(spec(KMS_SPEC), kmsAws()).changes()).isEmpty();
  }

  @Test
  void changedExclusionFilterIsInPlace() {
    EcrRepositorySpec spec = spec(KMS_SPEC.replace("filter: dev-*", "filter: test-*"));

    ChangeSet changes = EcrRepositoryDiff.diff(spec, kmsAws());

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "imageTagMutabilityExclusionFilters",
                java.util.List.of("WILDCARD:latest", "WILDCARD:test-*"),
                java.util.List.of("WILDCARD:dev-*", "WILDCARD:latest"),
                ChangeStrategy.IN_PLACE));
  }

  @Test
  void mutabilityWithoutExclusionsDropsAwsFilters() {
    EcrRepositorySpec spec = spec("imageTagMutability: IMMUTABLE\n");

    ChangeSet changes = EcrRepositoryDiff.diff(spec, kmsAws());

    assertThat(changes.changes())
        .extracting(FieldChange::path)
        .containsExactly("imageTagMutability", "imageTagMutabilityExclusionFilters");
    assertThat(changes.changes()).allMatch(c -> c.strategy() == ChangeStrategy.IN_PLACE);
  }

  @Test
  void changedMutabilityAndScanOnPushAreInPlace() {
    EcrRepositorySpec spec =
        spec(
            FULL_SPEC
                .replace("imageTagMutability: MUTABLE", "imageTagMutability: IMMUTABLE")
                .replace("scanOnPush: false", "scanOnPush: true"));

    ChangeSet changes = EcrRepositoryDiff.diff(spec, aws(spec));

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange("imageTagMutability", "IMMUTABLE", "MUTABLE", ChangeStrategy.IN_PLACE),
            new FieldChange(
                "imageScanningConfiguration.scanOnPush", true, false, ChangeStrategy.IN_PLACE));
  }

  @Test
  void exclusionFiltersHelperSortsAndDeduplicates() {
    EcrRepositorySpec spec =
        spec(
            """
            imageTagMutabilityExclusionFilters:
              - filter: b*
              - filter: a*
              - filterType: WILDCARD
                filter: b*
            """);

    assertThat(ExclusionFilters.declared(spec.imageTagMutabilityExclusionFilters))
        .containsExactly("WILDCARD:a*", "WILDCARD:b*");
    assertThat(ExclusionFilters.declared(null)).isEmpty();
  }
}

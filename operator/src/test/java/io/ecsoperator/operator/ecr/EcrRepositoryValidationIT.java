package io.ecsoperator.operator.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import io.ecsoperator.testsupport.Processes;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Admission of EcrRepository manifests by the real API server with the chart's CRDs (OpenAPI + CEL,
 * DESIGN §4): a bad manifest is refused by {@code kubectl apply} with a message that names the
 * field. No operator runs here: only the API server decides.
 */
class EcrRepositoryValidationIT extends ManifestValidation {

  private static final String SELECTION_RULE =
      """
      lifecyclePolicy:
        rules:
          - rulePriority: 1
            selection:
      %s
            action:
              type: expire
      """;

  EcrRepositoryValidationIT() {
    super("EcrRepository", "ecrrepositories", "ecr-validation", "repo");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid(
            "repositoryName with uppercase letters",
            "repositoryName: Shop/Web",
            "spec.repositoryName",
            "should match"),
        invalid(
            "repositoryName shorter than 2 characters",
            "repositoryName: a",
            "spec.repositoryName",
            "at least 2 chars long"),
        invalid(
            "repositoryName with a trailing slash",
            "repositoryName: shop/",
            "spec.repositoryName",
            "should match"),
        invalid(
            "unknown imageTagMutability",
            "imageTagMutability: SOMETIMES",
            "spec.imageTagMutability",
            "Unsupported value: \"SOMETIMES\""),
        invalid(
            "exclusion filters with IMMUTABLE",
            """
            imageTagMutability: IMMUTABLE
            imageTagMutabilityExclusionFilters:
              - filter: latest
            """,
            "spec.imageTagMutabilityExclusionFilters",
            "imageTagMutabilityExclusionFilters are required with the *_WITH_EXCLUSION modes and"
                + " forbidden otherwise"),
        invalid(
            "exclusion filters without imageTagMutability",
            """
            imageTagMutabilityExclusionFilters:
              - filter: latest
            """,
            "spec.imageTagMutabilityExclusionFilters",
            "forbidden otherwise"),
        invalid(
            "IMMUTABLE_WITH_EXCLUSION without exclusion filters",
            "imageTagMutability: IMMUTABLE_WITH_EXCLUSION",
            "spec.imageTagMutabilityExclusionFilters",
            "required with the *_WITH_EXCLUSION modes"),
        invalid(
            "MUTABLE_WITH_EXCLUSION with an empty filter list",
            """
            imageTagMutability: MUTABLE_WITH_EXCLUSION
            imageTagMutabilityExclusionFilters: []
            """,
            "spec.imageTagMutabilityExclusionFilters",
            "at least 1 items"),
        invalid(
            "exclusion filter with a character ECR refuses",
            """
            imageTagMutability: IMMUTABLE_WITH_EXCLUSION
            imageTagMutabilityExclusionFilters:
              - filter: "rel/ease"
            """,
            "spec.imageTagMutabilityExclusionFilters[0].filter",
            "should match"),
        invalid(
            "more than 5 exclusion filters",
            """
            imageTagMutability: IMMUTABLE_WITH_EXCLUSION
            imageTagMutabilityExclusionFilters:
              - filter: a
              - filter: b
              - filter: c
              - filter: d
              - filter: e
              - filter: f
            """,
            "spec.imageTagMutabilityExclusionFilters",
            "must have at most 5 items"),
        invalid(
            "kmsKey with encryptionType AES256",
            """
            encryptionConfiguration:
              encryptionType: AES256
              kmsKey: alias/team
            """,
            "spec.encryptionConfiguration.kmsKey",
            "kmsKey is only allowed with encryptionType KMS or KMS_DSSE"),
        invalid(
            "encryptionConfiguration without encryptionType",
            """
            encryptionConfiguration:
              kmsKey: alias/team
            """,
            "spec.encryptionConfiguration.encryptionType",
            "Required value"),
        invalid(
            "lifecycle rules with a duplicate rulePriority",
            """
            lifecyclePolicy:
              rules:
                - rulePriority: 1
                  selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 5}
                  action: {type: expire}
                - rulePriority: 1
                  selection: {tagStatus: any, countType: imageCountMoreThan, countNumber: 50}
                  action: {type: expire}
            """,
            "spec.lifecyclePolicy.rules",
            "rulePriority must be unique across rules"),
        invalid(
            "lifecycle rule with tagStatus any below another rule",
            """
            lifecyclePolicy:
              rules:
                - rulePriority: 1
                  selection: {tagStatus: any, countType: imageCountMoreThan, countNumber: 50}
                  action: {type: expire}
                - rulePriority: 2
                  selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 5}
                  action: {type: expire}
            """,
            "spec.lifecyclePolicy.rules",
            "a rule with tagStatus any must have the highest rulePriority"),
        invalid(
            "lifecycle rulePriority 0",
            """
            lifecyclePolicy:
              rules:
                - rulePriority: 0
                  selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 5}
                  action: {type: expire}
            """,
            "spec.lifecyclePolicy.rules[0].rulePriority",
            "should be greater than or equal to 1"),
        invalid(
            "tagged without tagPrefixList or tagPatternList",
            selection("{tagStatus: tagged, countType: imageCountMoreThan, countNumber: 5}"),
            "spec.lifecyclePolicy.rules[0].selection.tagStatus",
            "tagStatus tagged needs tagPrefixList or tagPatternList"),
        invalid(
            "untagged with tagPrefixList",
            selection(
                "{tagStatus: untagged, tagPrefixList: [v], countType: imageCountMoreThan,"
                    + " countNumber: 5}"),
            "spec.lifecyclePolicy.rules[0].selection.tagStatus",
            "tagPrefixList and tagPatternList are only allowed with tagStatus tagged"),
        invalid(
            "tagPrefixList and tagPatternList together",
            selection(
                "{tagStatus: tagged, tagPrefixList: [v], tagPatternList: ['v*'], countType:"
                    + " imageCountMoreThan, countNumber: 5}"),
            "spec.lifecyclePolicy.rules[0].selection.tagPatternList",
            "give tagPrefixList or tagPatternList, not both"),
        invalid(
            "countUnit with imageCountMoreThan",
            selection(
                "{tagStatus: untagged, countType: imageCountMoreThan, countUnit: days,"
                    + " countNumber: 5}"),
            "spec.lifecyclePolicy.rules[0].selection.countUnit",
            "forbidden with imageCountMoreThan"),
        invalid(
            "sinceImagePushed without countUnit",
            selection("{tagStatus: untagged, countType: sinceImagePushed, countNumber: 14}"),
            "spec.lifecyclePolicy.rules[0].selection.countUnit",
            "countUnit is required with the time-based count types"),
        invalid(
            "sinceImageTransitioned without storageClass archive",
            selection(
                "{tagStatus: untagged, countType: sinceImageTransitioned, countUnit: days,"
                    + " countNumber: 30}"),
            "spec.lifecyclePolicy.rules[0].selection.storageClass",
            "countType sinceImageTransitioned needs storageClass archive"),
        invalid(
            "countNumber 0",
            selection("{tagStatus: untagged, countType: imageCountMoreThan, countNumber: 0}"),
            "spec.lifecyclePolicy.rules[0].selection.countNumber",
            "should be greater than or equal to 1"),
        invalid(
            "transition without targetStorageClass",
            """
            lifecyclePolicy:
              rules:
                - rulePriority: 1
                  selection:
                    {tagStatus: untagged, countType: sinceImagePulled, countUnit: days,
                     countNumber: 90}
                  action: {type: transition}
            """,
            "spec.lifecyclePolicy.rules[0].action.targetStorageClass",
            "targetStorageClass is required with type transition"),
        invalid(
            "expire with targetStorageClass",
            """
            lifecyclePolicy:
              rules:
                - rulePriority: 1
                  selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 5}
                  action: {type: expire, targetStorageClass: archive}
            """,
            "spec.lifecyclePolicy.rules[0].action.targetStorageClass",
            "forbidden with expire"),
        invalid(
            "tag key with the aws: prefix",
            "tags: {\"aws:cloudformation:stack-name\": web}",
            "spec.tags",
            "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved"),
        invalid(
            "tag key with the ecsoperator.io/ prefix",
            "tags: {\"ecsoperator.io/owner\": someone/else}",
            "spec.tags",
            "are reserved"),
        invalid(
            "tag value longer than 256 characters",
            "tags: {team: " + "w".repeat(257) + "}",
            "spec.tags",
            "tag keys are at most 128 characters and values at most 256"),
        invalid("51 tags", tags(51), "spec.tags", "must have at most 48 items"),
        // ECR allows 50 tags per repository, and the operator adds its two ownership tags.
        invalid("49 tags", tags(49), "spec.tags", "must have at most 48 items"),
        invalid(
            "tag key with the aws: prefix in upper case",
            "tags: {\"AWS:team\": web}",
            "spec.tags",
            "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved"),
        invalid("region with underscores", "region: eu_west_1", "spec.region", "should match"),
        invalid("region in upper case", "region: EU-WEST-1", "spec.region", "should match"),
        invalid(
            "unknown deletionPolicy",
            "deletionPolicy: Orphan",
            "spec.deletionPolicy",
            "Unsupported value: \"Orphan\""),
        invalid(
            "unknown managementPolicy",
            "managementPolicy: ReadOnly",
            "spec.managementPolicy",
            "Unsupported value: \"ReadOnly\""));
  }

  static Stream<Arguments> validManifests() throws IOException {
    return Stream.of(
        Arguments.of("the example", exampleSpec("ecr-repository.yaml")),
        Arguments.of("an empty spec", "{}"),
        Arguments.of(
            "every rule shape",
            """
            repositoryName: team/a.b_c-d/web
            region: eu-west-1
            imageTagMutability: MUTABLE_WITH_EXCLUSION
            imageTagMutabilityExclusionFilters:
              - filter: "release-*"
                filterType: WILDCARD
            encryptionConfiguration:
              encryptionType: KMS_DSSE
              kmsKey: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
            lifecyclePolicy:
              rules:
                - rulePriority: 1
                  selection:
                    {tagStatus: tagged, tagPrefixList: [dev, test], countType: sinceImagePulled,
                     countUnit: days, countNumber: 30}
                  action: {type: transition, targetStorageClass: archive}
                - rulePriority: 2
                  selection:
                    {tagStatus: untagged, storageClass: archive,
                     countType: sinceImageTransitioned, countUnit: days, countNumber: 90}
                  action: {type: expire}
                - rulePriority: 10
                  selection: {tagStatus: any, countType: imageCountMoreThan, countNumber: 500}
                  action: {type: expire}
            repositoryPolicy:
              Version: "2012-10-17"
              Statement: []
            forceDelete: true
            deletionPolicy: Retain
            managementPolicy: ObserveOnly
            adopt: true
            """
                + tags(48)),
        Arguments.of("an empty lifecycle rule list", "lifecyclePolicy: {rules: []}"));
  }

  @ParameterizedTest(name = "metadata.name {0} without spec.repositoryName")
  @ValueSource(strings = {"a", "web--api", "shop.v2--web"})
  void anObjectNameThatIsNoEcrNameNeedsRepositoryName(String object) {
    Processes.Result result = apply(manifest(object, "imageTagMutability: MUTABLE"));

    assertRefused(result);
    assertThat(result.stderr())
        .contains("spec.repositoryName:")
        .contains("metadata.name is not a valid ECR repository name");

    apply(manifest(object, "repositoryName: web-api"))
        .assertSuccess("the same name with spec.repositoryName");
  }

  private static final String IMMUTABLE_BASE =
      """
      repositoryName: team/fixed
      region: eu-west-1
      encryptionConfiguration:
        encryptionType: KMS
        kmsKey: alias/team
      tags:
        team: web
      """;

  static Stream<Arguments> immutableChanges() {
    return Stream.of(
        Arguments.of(
            "repositoryName changed",
            IMMUTABLE_BASE.replace("team/fixed", "team/renamed"),
            "repositoryName is immutable"),
        Arguments.of(
            "repositoryName removed",
            IMMUTABLE_BASE.replace("repositoryName: team/fixed\n", ""),
            "repositoryName is immutable"),
        Arguments.of(
            "region changed",
            IMMUTABLE_BASE.replace("eu-west-1", "us-east-1"),
            "region is immutable"),
        Arguments.of(
            "region removed",
            IMMUTABLE_BASE.replace("region: eu-west-1\n", ""),
            "region is immutable"),
        Arguments.of(
            "encryptionType changed",
            IMMUTABLE_BASE.replace("encryptionType: KMS", "encryptionType: KMS_DSSE"),
            "encryptionConfiguration is immutable"),
        Arguments.of(
            "kmsKey changed",
            IMMUTABLE_BASE.replace("alias/team", "alias/other"),
            "encryptionConfiguration is immutable"),
        Arguments.of(
            "encryptionConfiguration removed",
            IMMUTABLE_BASE.replace(
                "encryptionConfiguration:\n  encryptionType: KMS\n  kmsKey: alias/team\n", ""),
            "encryptionConfiguration is immutable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("immutableChanges")
  void changingAnImmutableFieldIsRefused(String name, String changedSpec, String message) {
    assertChangeRefused(IMMUTABLE_BASE, changedSpec, message);
  }

  @Test
  void mutableFieldsOfAnExistingObjectCanStillChange() {
    String object = nextName();
    apply(manifest(object, IMMUTABLE_BASE)).assertSuccess("apply the original");

    apply(
            manifest(
                object,
                IMMUTABLE_BASE.replace("team: web", "team: api")
                    + "imageTagMutability: IMMUTABLE\nforceDelete: true\n"))
        .assertSuccess("apply a change of mutable fields");

    assertThat(
            get(
                object,
                "{.spec.tags.team} {.spec.imageTagMutability} {.spec.forceDelete}"
                    + " {.spec.repositoryName}"))
        .isEqualTo("api IMMUTABLE true team/fixed");
  }

  private static String selection(String selection) {
    return SELECTION_RULE.formatted("          " + selection);
  }
}

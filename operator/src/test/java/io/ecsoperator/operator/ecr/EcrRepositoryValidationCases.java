package io.ecsoperator.operator.ecr;

import static io.ecsoperator.operator.cli.ValidationCases.tags;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The EcrRepository cases of {@link ValidationCases}: its schema's checks and one case per CEL
 * rule.
 */
public final class EcrRepositoryValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
        ecr("scanOnPush: true", "spec.scanOnPush", "unknown field"),
        ecr(
            "imageScanningConfiguration: {scanOnPush: yes please}",
            "spec.imageScanningConfiguration.scanOnPush",
            "must be of type boolean"),
        ecr("tags: {team: 7}", "spec.tags.team", "must be of type string"),
        ecr(
            "imageTagMutability: SOMETIMES",
            "spec.imageTagMutability",
            "Unsupported value: \"SOMETIMES\""),
        ecr(
            "encryptionConfiguration: {}",
            "spec.encryptionConfiguration.encryptionType",
            "Required value"),
        ecr("repositoryName: Shop/Web", "spec.repositoryName", "should match"),
        ecr("repositoryName: a", "spec.repositoryName", "should be at least 2 chars long"),
        ecr(
            "encryptionConfiguration: {encryptionType: KMS, kmsKey: \"" + "k".repeat(2049) + "\"}",
            "spec.encryptionConfiguration.kmsKey",
            "Too long"),
        ecr(
            lifecycle(EXPIRE_RULE.formatted(0, "untagged")),
            "spec.lifecyclePolicy.rules[0].rulePriority",
            "should be greater than or equal to 1"),
        ecr(
            "imageTagMutability: IMMUTABLE_WITH_EXCLUSION\nimageTagMutabilityExclusionFilters:\n"
                + IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> "  - filter: f" + i + "\n")
                    .collect(Collectors.joining()),
            "spec.imageTagMutabilityExclusionFilters",
            "Too many: 6: must have at most 5 items"),
        ecr(tags(49), "spec.tags", "Too many: 49: must have at most 48 items"),
        new Case(
            "EcrRepository",
            "a",
            "{}",
            "spec.repositoryName",
            "is not a valid ECR repository name"),
        ecr(
            "imageTagMutability: IMMUTABLE_WITH_EXCLUSION",
            "spec.imageTagMutabilityExclusionFilters",
            "imageTagMutabilityExclusionFilters are required with the *_WITH_EXCLUSION modes"),
        ecr(
            "encryptionConfiguration: {encryptionType: AES256, kmsKey: alias/x}",
            "spec.encryptionConfiguration.kmsKey",
            "kmsKey is only allowed with encryptionType KMS or KMS_DSSE"),
        ecr(
            lifecycle(EXPIRE_RULE.formatted(1, "untagged") + EXPIRE_RULE.formatted(1, "untagged")),
            "spec.lifecyclePolicy.rules",
            "rulePriority must be unique across rules"),
        ecr(
            lifecycle(EXPIRE_RULE.formatted(1, "any") + EXPIRE_RULE.formatted(2, "untagged")),
            "spec.lifecyclePolicy.rules",
            "a rule with tagStatus any must have the highest rulePriority"),
        ecr(
            lifecycle(
                """
                - rulePriority: 1
                  selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 3}
                  action: {type: transition}
                """),
            "spec.lifecyclePolicy.rules[0].action.targetStorageClass",
            "targetStorageClass is required with type transition"),
        ecr(
            selection("{tagStatus: tagged, countType: imageCountMoreThan, countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.tagStatus",
            "tagStatus tagged needs tagPrefixList or tagPatternList"),
        ecr(
            selection(
                "{tagStatus: untagged, tagPrefixList: [v], countType: imageCountMoreThan,"
                    + " countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.tagStatus",
            "tagPrefixList and tagPatternList are only allowed with tagStatus tagged"),
        ecr(
            selection(
                "{tagStatus: tagged, tagPrefixList: [v], tagPatternList: [\"v*\"], countType:"
                    + " imageCountMoreThan, countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.tagPatternList",
            "give tagPrefixList or tagPatternList, not both"),
        ecr(
            selection("{tagStatus: untagged, countType: sinceImagePushed, countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.countUnit",
            "countUnit is required with the time-based count types"),
        ecr(
            selection(
                "{tagStatus: untagged, countType: sinceImageTransitioned, countUnit: days,"
                    + " countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.storageClass",
            "countType sinceImageTransitioned needs storageClass archive"),
        ecr(
            "tags: {\"AWS:team\": web}",
            "spec.tags",
            "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved"),
        ecr(
            "tags: {team: " + "v".repeat(257) + "}",
            "spec.tags",
            "tag keys are at most 128 characters and values at most 256"));
  }

  private static Case ecr(String spec, String field, String message) {
    return new Case("EcrRepository", "web", spec, field, message);
  }

  private static final String EXPIRE_RULE =
      """
      - rulePriority: %d
        selection: {tagStatus: %s, countType: imageCountMoreThan, countNumber: 3}
        action: {type: expire}
      """;

  private static String lifecycle(String rules) {
    return "lifecyclePolicy:\n  rules:\n" + rules.indent(4);
  }

  private static String selection(String selection) {
    return lifecycle(
        "- rulePriority: 1\n  selection: " + selection + "\n  action: {type: expire}\n");
  }
}

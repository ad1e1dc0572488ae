package io.ecsoperator.operator.creationtemplate;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Admission of EcrRepositoryCreationTemplate manifests by the real API server with the chart's
 * CRDs: a bad manifest is refused naming the field; the prefix is fixed once created.
 */
class EcrRepositoryCreationTemplateValidationIT extends ManifestValidation {

  private static final String TEMPLATE = "prefix: shop/\nappliedFor: [CREATE_ON_PUSH]\n";

  EcrRepositoryCreationTemplateValidationIT() {
    super(
        "EcrRepositoryCreationTemplate",
        "ecrrepositorycreationtemplates",
        "rct-validation",
        "template");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid("no appliedFor", "prefix: shop/\n", "spec.appliedFor", "Required value"),
        invalid(
            "an empty appliedFor",
            "prefix: shop/\nappliedFor: []\n",
            "spec.appliedFor",
            "should have at least 1 items"),
        invalid(
            "an unknown appliedFor",
            "prefix: shop/\nappliedFor: [ON_PULL]\n",
            "spec.appliedFor[0]",
            "Unsupported value: \"ON_PULL\""),
        invalid(
            "appliedFor repeated",
            "prefix: shop/\nappliedFor: [REPLICATION, REPLICATION]\n",
            "spec.appliedFor",
            "appliedFor must not repeat a value"),
        invalid(
            "a prefix with uppercase letters",
            "prefix: Shop/\nappliedFor: [CREATE_ON_PUSH]\n",
            "spec.prefix",
            "should match"),
        invalid(
            "exclusion filters with IMMUTABLE",
            TEMPLATE
                + "imageTagMutability: IMMUTABLE\nimageTagMutabilityExclusionFilters:\n"
                + "  - filter: latest\n",
            "spec.imageTagMutabilityExclusionFilters",
            "required with the *_WITH_EXCLUSION modes and forbidden otherwise"),
        invalid(
            "kmsKey with AES256",
            TEMPLATE + "encryptionConfiguration: {encryptionType: AES256, kmsKey: alias/x}\n",
            "spec.encryptionConfiguration.kmsKey",
            "kmsKey is only allowed with encryptionType KMS or KMS_DSSE"),
        invalid(
            "a lifecycle rule with tagStatus any below another",
            TEMPLATE
                + """
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
            "tags",
            TEMPLATE + "tags: {team: shop}\n",
            "spec.tags",
            "use resourceTags for the repositories it creates"));
  }

  static Stream<Arguments> validManifests() {
    return Stream.of(
        Arguments.of("the smallest template", TEMPLATE),
        Arguments.of(
            "ROOT for every use, with every setting",
            """
            prefix: ROOT
            description: Every repository ECR creates
            appliedFor: [PULL_THROUGH_CACHE, REPLICATION, CREATE_ON_PUSH]
            encryptionConfiguration:
              encryptionType: KMS
              kmsKey: arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6789-abcd-ef0123456789
            imageTagMutability: MUTABLE_WITH_EXCLUSION
            imageTagMutabilityExclusionFilters: [{filter: "release-*"}]
            lifecyclePolicy: {rules: []}
            repositoryPolicy: {Version: "2012-10-17", Statement: []}
            resourceTags: {team: platform}
            customRoleArn: arn:aws:iam::123456789012:role/ecr-repository-creation
            """));
  }

  @Test
  void thePrefixCannotChange() {
    assertChangeRefused(TEMPLATE, TEMPLATE.replace("shop/", "web/"), "prefix is immutable");
  }
}

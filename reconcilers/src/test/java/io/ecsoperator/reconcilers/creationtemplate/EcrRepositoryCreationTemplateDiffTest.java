package io.ecsoperator.reconcilers.creationtemplate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.testsupport.Specs;
import org.junit.jupiter.api.Test;

class EcrRepositoryCreationTemplateDiffTest {

  private static final String FIXTURE = "describe-repository-creation-templates.json";

  /** Everything declared, equal in meaning to the team-a/ template of the fixture. */
  private static final String TEAM_A =
      """
      prefix: team-a/
      description: Repositories team A pushes
      appliedFor: [CREATE_ON_PUSH]
      encryptionConfiguration:
        encryptionType: KMS
        kmsKey: arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6789-abcd-ef0123456789
      imageTagMutability: IMMUTABLE_WITH_EXCLUSION
      imageTagMutabilityExclusionFilters:
        - filter: dev-*
        - filter: latest
      lifecyclePolicy:
        rules:
          - rulePriority: 1
            description: Keep the last 30 release images
            selection:
              tagStatus: tagged
              tagPrefixList: [release, v]
              countType: imageCountMoreThan
              countNumber: 30
            action: {type: expire}
          - rulePriority: 2
            selection:
              tagStatus: untagged
              countType: sinceImagePushed
              countUnit: days
              countNumber: 14
            action: {type: expire}
      resourceTags: {cost-center: cc-42, team: a}
      customRoleArn: arn:aws:iam::123456789012:role/ecr-template-role
      """;

  /** The prod template of the fixture, declared with its policy written another way. */
  private static final String PROD =
      """
      prefix: prod
      description: For prod repositories
      appliedFor: [PULL_THROUGH_CACHE, REPLICATION]
      encryptionConfiguration: {encryptionType: AES256}
      imageTagMutability: MUTABLE
      repositoryPolicy:
        Version: "2012-10-17"
        Statement:
          Sid: AllowPushPull
          Effect: Allow
          Principal: {AWS: arn:aws:iam::111122223333:root}
          Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
      resourceTags: {}
      """;

  @Test
  void aSpecEqualInMeaningToWhatEcrDescribesHasNoChanges() {
    assertThat(diff(TEAM_A, "team-a/").changes()).isEmpty();
    assertThat(diff(PROD, "prod").changes())
        .as("reformatted policy, a lone statement, appliedFor in another order, empty tags")
        .isEmpty();
  }

  @Test
  void fieldsLeftOutAreNotCompared() {
    assertThat(diff("prefix: team-a/\nappliedFor: [CREATE_ON_PUSH]\n", "team-a/").changes())
        .isEmpty();
  }

  @Test
  void everyDeclaredChangeIsInPlace() {
    String changed =
        TEAM_A
            .replace("description: Repositories team A pushes", "description: team A")
            .replace("[CREATE_ON_PUSH]", "[CREATE_ON_PUSH, REPLICATION]")
            .replace("countNumber: 30", "countNumber: 20")
            .replace("team: a}", "team: b}")
            .replace("- filter: latest", "- filter: main");

    var changes = diff(changed, "team-a/").changes();

    assertThat(changes)
        .extracting(FieldChange::path)
        .containsExactlyInAnyOrder(
            "description",
            "appliedFor",
            "imageTagMutabilityExclusionFilters",
            "lifecyclePolicy",
            "resourceTags");
    assertThat(changes).extracting(FieldChange::strategy).containsOnly(ChangeStrategy.IN_PLACE);
  }

  @Test
  void anotherStatementOrEncryptionIsAChange() {
    String changed =
        PROD.replace("ecr:BatchGetImage, ", "")
            .replace("encryptionType: AES256", "encryptionType: KMS_DSSE");

    assertThat(diff(changed, "prod").changes())
        .extracting(FieldChange::path)
        .containsExactlyInAnyOrder("repositoryPolicy", "encryptionConfiguration.encryptionType");
  }

  private static io.ecsoperator.reconcilers.engine.ChangeSet diff(String spec, String prefix) {
    return EcrRepositoryCreationTemplateDiff.diff(
        Specs.parse(spec, EcrRepositoryCreationTemplateSpec.class),
        TemplateFixtures.template(FIXTURE, prefix));
  }
}

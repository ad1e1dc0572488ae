package io.ecsoperator.reconcilers.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.ecr.LifecyclePolicy;
import io.ecsoperator.reconcilers.json.Json;
import org.junit.jupiter.api.Test;

class LifecyclePoliciesTest {

  private static LifecyclePolicy policy(String yaml) {
    return EcrFixtures.spec(yaml).lifecyclePolicy;
  }

  private static final String SPEC =
      """
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
            description: ""
            selection:
              tagStatus: untagged
              storageClass: standard
              countType: sinceImagePushed
              countUnit: days
              countNumber: 14
            action:
              type: expire
      """;

  /** lifecyclePolicyText of the get-lifecycle-policy fixture: rules and tags in AWS's order. */
  private static JsonNode awsPolicy() {
    String text =
        EcrFixtures.load("get-lifecycle-policy-web.json").get("lifecyclePolicyText").asText();
    return LifecyclePolicies.canonical(Json.parse(text));
  }

  @Test
  void awsTextEqualsTheSpecInMeaning() {
    JsonNode spec = LifecyclePolicies.canonical(policy(SPEC));

    assertThat(spec).isNotNull();
    assertThat(awsPolicy()).isEqualTo(spec);
  }

  @Test
  void canonicalFormOrdersRulesAndTags() {
    JsonNode aws = awsPolicy();

    assertThat(aws.at("/rules/0/rulePriority").asInt()).isEqualTo(1);
    assertThat(aws.at("/rules/1/rulePriority").asInt()).isEqualTo(2);
    assertThat(aws.at("/rules/0/selection/tagPrefixList").toString())
        .isEqualTo("[\"release\",\"v\"]");
  }

  @Test
  void emptyDescriptionAndStandardStorageClassEqualAbsent() {
    JsonNode explicit =
        LifecyclePolicies.canonical(
            Json.parse(
                """
                {"rules":[{"rulePriority":1,"description":"",
                  "selection":{"tagStatus":"any","storageClass":"standard",
                               "countType":"imageCountMoreThan","countNumber":100,
                               "tagPrefixList":[]},
                  "action":{"type":"expire"}}]}
                """));
    JsonNode absent =
        LifecyclePolicies.canonical(
            Json.parse(
                """
                {"rules":[{"rulePriority":1,
                  "selection":{"tagStatus":"any","countType":"imageCountMoreThan",
                               "countNumber":100},
                  "action":{"type":"expire"}}]}
                """));

    assertThat(explicit).isEqualTo(absent);
  }

  @Test
  void archiveStorageClassIsKept() {
    JsonNode archive =
        LifecyclePolicies.canonical(
            Json.parse(
                """
                {"rules":[{"rulePriority":1,
                  "selection":{"tagStatus":"any","storageClass":"archive",
                               "countType":"sinceImageTransitioned","countUnit":"days",
                               "countNumber":365},
                  "action":{"type":"expire"}}]}
                """));
    JsonNode standard =
        LifecyclePolicies.canonical(
            Json.parse(
                """
                {"rules":[{"rulePriority":1,
                  "selection":{"tagStatus":"any",
                               "countType":"sinceImageTransitioned","countUnit":"days",
                               "countNumber":365},
                  "action":{"type":"expire"}}]}
                """));

    assertThat(archive).isNotEqualTo(standard);
    assertThat(archive.at("/rules/0/selection/storageClass").asText()).isEqualTo("archive");
  }

  @Test
  void tagPatternListIsComparedAsASet() {
    assertThat(
            LifecyclePolicies.canonical(
                policy(
                    """
                    lifecyclePolicy:
                      rules:
                        - rulePriority: 1
                          selection:
                            tagStatus: tagged
                            tagPatternList: ["prod*", "*-stable"]
                            countType: imageCountMoreThan
                            countNumber: 5
                          action: {type: expire}
                    """)))
        .isEqualTo(
            LifecyclePolicies.canonical(
                Json.parse(
                    """
                    {"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged",
                      "tagPatternList":["*-stable","prod*"],"countType":"imageCountMoreThan",
                      "countNumber":5},"action":{"type":"expire"}}]}
                    """)));
  }

  @Test
  void changedRuleDiffers() {
    JsonNode changed =
        LifecyclePolicies.canonical(policy(SPEC.replace("countNumber: 30", "countNumber: 50")));

    assertThat(changed).isNotEqualTo(awsPolicy());
  }

  @Test
  void changedDescriptionDiffers() {
    JsonNode changed =
        LifecyclePolicies.canonical(
            policy(SPEC.replace("Keep the last 30 release images", "Keep 30 releases")));

    assertThat(changed).isNotEqualTo(awsPolicy());
  }

  @Test
  void emptyOrMissingRulesMeanNoPolicy() {
    assertThat(LifecyclePolicies.canonical(policy("lifecyclePolicy:\n  rules: []\n"))).isNull();
    assertThat(LifecyclePolicies.canonical(policy("lifecyclePolicy: {}\n"))).isNull();
    assertThat(LifecyclePolicies.canonical(Json.parse("{\"rules\":[]}"))).isNull();
    assertThat(LifecyclePolicies.canonical((JsonNode) null)).isNull();
  }

  @Test
  void textUsesEcrSpellingAndOmitsUnsetFields() {
    String text = LifecyclePolicies.text(policy(SPEC));

    assertThat(text)
        .contains("\"tagStatus\":\"tagged\"")
        .contains("\"countType\":\"imageCountMoreThan\"")
        .contains("\"countType\":\"sinceImagePushed\"")
        .contains("\"countUnit\":\"days\"")
        .contains("\"type\":\"expire\"")
        .doesNotContain("TAGGED")
        .doesNotContain("IMAGE_COUNT_MORE_THAN")
        .doesNotContain("null");
  }

  @Test
  void textRoundTripsThroughAws() {
    LifecyclePolicy policy =
        policy(
            """
            lifecyclePolicy:
              rules:
                - rulePriority: 1
                  selection:
                    tagStatus: any
                    countType: sinceImagePulled
                    countUnit: days
                    countNumber: 90
                  action:
                    type: transition
                    targetStorageClass: archive
            """);
    String text = LifecyclePolicies.text(policy);

    assertThat(text)
        .contains("\"type\":\"transition\"")
        .contains("\"targetStorageClass\":\"archive\"");
    assertThat(LifecyclePolicies.canonical(Json.parse(text)))
        .isEqualTo(LifecyclePolicies.canonical(policy));
  }
}

package io.ecsoperator.operator.cli.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.crds.ecr.ImageTagMutability;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryDiff;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryState;
import io.ecsoperator.reconcilers.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Import's spec from repositories as ECR describes them, defaults included. */
class EcrRepositoryCliKindTest {

  private static EcrRepositoryState state(
      String name,
      String mutability,
      List<String> filters,
      Boolean scanOnPush,
      String encryption,
      String kmsKey,
      String lifecycle,
      String policy,
      Map<String, String> tags) {
    return new EcrRepositoryState(
        name,
        "arn:aws:ecr:eu-west-1:123456789012:repository/" + name,
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/" + name,
        "123456789012",
        mutability,
        filters,
        scanOnPush,
        encryption,
        kmsKey,
        lifecycle == null ? null : Json.parse(lifecycle),
        policy == null ? null : Json.parse(policy),
        tags);
  }

  @Test
  void awsDefaultsAndAwsTagsAreLeftOut() {
    EcrRepositoryState plain =
        state(
            "web",
            "MUTABLE",
            List.of(),
            false,
            "AES256",
            null,
            null,
            null,
            Map.of("aws:cloudformation:stack-name", "shop"));

    EcrRepositorySpec spec = EcrRepositoryCliKind.spec(plain, "web", null);

    assertThat(Json.toTree(spec)).isEqualTo(Json.parse("{\"adopt\":true}"));
    assertThat(EcrRepositoryDiff.diff(spec, plain).isEmpty()).isTrue();
  }

  @Test
  void everythingElseIsDeclaredSoThatPlanFindsNoChange() {
    EcrRepositoryState full =
        state(
            "shop/web",
            "IMMUTABLE_WITH_EXCLUSION",
            List.of("WILDCARD:dev-*", "WILDCARD:latest"), // sorted, as the reader gives them
            true,
            "KMS",
            "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"untagged\","
                + "\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":14},"
                + "\"action\":{\"type\":\"expire\"}}]}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Pull\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:root\"]},"
                + "\"Action\":[\"ecr:BatchGetImage\"]}]}",
            Map.of("team", "web", "ecsoperator.io/owner", "default/web"));

    EcrRepositorySpec spec = EcrRepositoryCliKind.spec(full, "shop-web", "eu-west-1");

    assertThat(spec.repositoryName).isEqualTo("shop/web");
    assertThat(spec.region).isEqualTo("eu-west-1");
    assertThat(spec.imageTagMutability).isEqualTo(ImageTagMutability.IMMUTABLE_WITH_EXCLUSION);
    assertThat(spec.imageTagMutabilityExclusionFilters)
        .extracting(f -> f.filter)
        .containsExactly("dev-*", "latest");
    assertThat(spec.imageTagMutabilityExclusionFilters)
        .allSatisfy(f -> assertThat(f.filterType).isNull());
    assertThat(spec.encryptionConfiguration.kmsKey)
        .endsWith("key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(spec.lifecyclePolicy.rules).hasSize(1);
    assertThat(spec.tags).containsExactly(Map.entry("team", "web"));
    assertThat(EcrRepositoryDiff.diff(spec, full).changes()).isEmpty();
  }
}

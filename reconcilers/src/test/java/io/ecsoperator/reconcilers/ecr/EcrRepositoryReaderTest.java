package io.ecsoperator.reconcilers.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fixtures read through the real reader: what the diff tests compare against. */
class EcrRepositoryReaderTest {

  @Test
  void readsRepositoryFromDescribeOutput() {
    EcrRepositoryState state =
        EcrFixtures.aws("describe-repositories-web.json")
            .tags("list-tags-for-resource-web.json")
            .read(false, false);

    assertThat(state.repositoryName()).isEqualTo("team/web");
    assertThat(state.arn()).isEqualTo("arn:aws:ecr:eu-west-1:123456789012:repository/team/web");
    assertThat(state.repositoryUri())
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web");
    assertThat(state.registryId()).isEqualTo("123456789012");
    assertThat(state.imageTagMutability()).isEqualTo("MUTABLE");
    assertThat(state.imageTagMutabilityExclusionFilters()).isEmpty();
    assertThat(state.scanOnPush()).isFalse();
    assertThat(state.encryptionType()).isEqualTo("AES256");
    assertThat(state.kmsKey()).isNull();
    assertThat(state.lifecyclePolicy()).isNull();
    assertThat(state.repositoryPolicy()).isNull();
  }

  @Test
  void keepsAllTagsIncludingReservedOnes() {
    EcrRepositoryState state =
        EcrFixtures.aws("describe-repositories-web.json")
            .tags("list-tags-for-resource-web.json")
            .read(false, false);

    assertThat(state.tags())
        .containsOnlyKeys(
            "team",
            "cost-center",
            "aws:cloudformation:stack-name",
            "ecsoperator.io/owner",
            "ecsoperator.io/uid")
        .containsEntry("ecsoperator.io/owner", "apps/web");
  }

  @Test
  void readsKmsEncryptionAndSortedExclusionFilters() {
    EcrRepositoryState state =
        EcrFixtures.aws("describe-repositories-web-kms.json").read(false, false);

    assertThat(state.encryptionType()).isEqualTo("KMS");
    assertThat(state.kmsKey())
        .isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(state.imageTagMutability()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
    assertThat(state.imageTagMutabilityExclusionFilters())
        .containsExactly("WILDCARD:dev-*", "WILDCARD:latest");
    assertThat(state.scanOnPush()).isTrue();
    assertThat(state.tags()).isEmpty();
  }

  @Test
  void readsPoliciesInCanonicalForm() {
    EcrRepositoryState state =
        EcrFixtures.aws("describe-repositories-web.json")
            .lifecyclePolicy("get-lifecycle-policy-web.json")
            .repositoryPolicy("get-repository-policy-web.json")
            .read(true, true);

    assertThat(state.lifecyclePolicy().at("/rules/0/rulePriority").asInt()).isEqualTo(1);
    assertThat(state.repositoryPolicy().at("/Statement/0/Action").isArray()).isTrue();
    assertThat(state.repositoryPolicy().at("/Statement/0/Action/0").asText())
        .isEqualTo("ecr:BatchGetImage");
  }

  @Test
  void missingPoliciesReadAsNull() {
    EcrRepositoryState state = EcrFixtures.aws("describe-repositories-web.json").read(true, true);

    assertThat(state.lifecyclePolicy()).isNull();
    assertThat(state.repositoryPolicy()).isNull();
  }
}

package io.ecsoperator.reconcilers.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UserTagsTest {

  /** Tags as ListTagsForResource returns them for a repository the operator created. */
  private static final Map<String, String> AWS_TAGS =
      Map.of(
          "team", "web",
          "cost-center", "cc-42",
          "aws:cloudformation:stack-name", "legacy-registry",
          "ecsoperator.io/owner", "apps/web",
          "ecsoperator.io/uid", "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
          "ecsoperator.io/spec-hash", "a1b2c3");

  @Test
  void ofDropsAwsAndOperatorTags() {
    assertThat(UserTags.of(AWS_TAGS))
        .containsExactly(Map.entry("cost-center", "cc-42"), Map.entry("team", "web"));
  }

  @Test
  void reservedKeys() {
    assertThat(UserTags.isReserved("aws:cloudformation:stack-name")).isTrue();
    assertThat(UserTags.isReserved("ecsoperator.io/owner")).isTrue();
    assertThat(UserTags.isReserved("ecsoperator.io/uid")).isTrue();
    assertThat(UserTags.isReserved("ecsoperator.io/anything")).isTrue();
    assertThat(UserTags.isReserved("team")).isFalse();
    assertThat(UserTags.isReserved("AWS-team")).isFalse();
    assertThat(UserTags.isReserved("example.com/aws:thing")).isFalse();
  }

  @Test
  void changedHasNewAndModifiedEntriesOnly() {
    Map<String, String> desired = Map.of("team", "web", "cost-center", "cc-99", "env", "prod");

    assertThat(UserTags.changed(desired, AWS_TAGS))
        .containsExactly(Map.entry("cost-center", "cc-99"), Map.entry("env", "prod"));
  }

  @Test
  void changedIsEmptyWhenAwsMatches() {
    assertThat(UserTags.changed(Map.of("team", "web", "cost-center", "cc-42"), AWS_TAGS)).isEmpty();
  }

  @Test
  void removedHasUserKeysNoLongerInTheSpec() {
    assertThat(UserTags.removed(Map.of("team", "web"), AWS_TAGS)).containsExactly("cost-center");
  }

  @Test
  void removedNeverTouchesReservedTags() {
    assertThat(UserTags.removed(Map.of(), AWS_TAGS)).containsExactly("cost-center", "team");
  }

  @Test
  void removedIsEmptyWhenSpecHasEveryUserTag() {
    assertThat(UserTags.removed(Map.of("team", "web", "cost-center", "cc-1"), AWS_TAGS)).isEmpty();
  }
}

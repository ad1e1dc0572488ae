package io.ecsoperator.reconcilers.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionArnTest {

  @Test
  void readsTheFamilyAndTheRevision() {
    assertThat(RevisionArn.parse("arn:aws:ecs:eu-west-1:123456789012:task-definition/web_api-2:17"))
        .isEqualTo(new RevisionArn("web_api-2", 17));
  }

  @Test
  void readsArnsOfOtherPartitions() {
    assertThat(RevisionArn.parse("arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/web:1"))
        .isEqualTo(new RevisionArn("web", 1));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "web:3",
        "arn:aws:ecs:eu-west-1:123456789012:task-definition/web",
        "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:latest",
        "arn:aws:ecs:eu-west-1:123456789012:cluster/web:3"
      })
  void isNullForWhatIsNotARevisionArn(String text) {
    assertThat(RevisionArn.parse(text)).isNull();
  }
}

package io.ecsoperator.reconcilers.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.reconcilers.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeSetTest {

  @Test
  void compareRecordsOnlyDifferentValues() {
    ChangeSet changes =
        ChangeSet.builder()
            .compare("imageTagMutability", "MUTABLE", "MUTABLE", ChangeStrategy.IN_PLACE)
            .compare("desiredCount", 3, 2, ChangeStrategy.IN_PLACE)
            .build();

    assertThat(changes.changes())
        .containsExactly(new FieldChange("desiredCount", 3, 2, ChangeStrategy.IN_PLACE));
  }

  @Test
  void plusKeepsBothInOrder() {
    ChangeSet service =
        ChangeSet.builder().compare("desiredCount", 3, 2, ChangeStrategy.IN_PLACE).build();
    ChangeSet scaling =
        ChangeSet.builder()
            .compare("autoScaling.maxCapacity", 8, 4, ChangeStrategy.IN_PLACE)
            .build();

    assertThat(service.plus(scaling).paths()).isEqualTo("desiredCount, autoScaling.maxCapacity");
    assertThat(ChangeSet.NONE.plus(ChangeSet.NONE).isEmpty()).isTrue();
    assertThat(service.paths()).as("unchanged").isEqualTo("desiredCount");
  }

  @Test
  void compareTreatsNullDesiredAsDrift() {
    // compare() is for fields whose absence in the spec means "none", e.g. an empty policy.
    ChangeSet changes =
        ChangeSet.builder()
            .compare("lifecyclePolicy", null, Json.parse("{\"rules\":[]}"), ChangeStrategy.IN_PLACE)
            .build();

    assertThat(changes.isEmpty()).isFalse();
    assertThat(changes.changes().get(0).desired()).isNull();
    assertThat(changes.changes().get(0).actual()).isEqualTo(Json.parse("{\"rules\":[]}"));
  }

  @Test
  void compareOfTwoNullsIsNoChange() {
    assertThat(
            ChangeSet.builder()
                .compare("repositoryPolicy", null, null, ChangeStrategy.IN_PLACE)
                .build()
                .isEmpty())
        .isTrue();
  }

  @Test
  void compareDeclaredIgnoresNullDesired() {
    ChangeSet changes =
        ChangeSet.builder()
            .compareDeclared(
                "imageScanningConfiguration.scanOnPush", null, false, ChangeStrategy.IN_PLACE)
            .compareDeclared("imageTagMutability", null, "IMMUTABLE", ChangeStrategy.IN_PLACE)
            .build();

    assertThat(changes.isEmpty()).isTrue();
    assertThat(changes).isEqualTo(ChangeSet.NONE);
  }

  @Test
  void compareDeclaredRecordsDeclaredDifferences() {
    ChangeSet changes =
        ChangeSet.builder()
            .compareDeclared(
                "imageScanningConfiguration.scanOnPush", true, false, ChangeStrategy.IN_PLACE)
            .compareDeclared("imageTagMutability", "MUTABLE", "MUTABLE", ChangeStrategy.IN_PLACE)
            .compareDeclared("platformVersion", "1.4.0", null, ChangeStrategy.IN_PLACE)
            .build();

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "imageScanningConfiguration.scanOnPush", true, false, ChangeStrategy.IN_PLACE),
            new FieldChange("platformVersion", "1.4.0", null, ChangeStrategy.IN_PLACE));
  }

  @Test
  void valuesAreComparedByEquality() {
    ChangeSet changes =
        ChangeSet.builder()
            .compare(
                "tags",
                Map.of("team", "web", "env", "prod"),
                new java.util.TreeMap<>(Map.of("env", "prod", "team", "web")),
                ChangeStrategy.TAGS_ONLY)
            .compare(
                "lifecyclePolicy",
                Json.parse("{\"a\":1,\"b\":[1,2]}"),
                Json.parse("{\"b\":[1,2],\"a\":1}"),
                ChangeStrategy.IN_PLACE)
            .build();

    assertThat(changes.isEmpty()).isTrue();
  }

  @Test
  void queriesByPathAndStrategy() {
    ChangeSet changes =
        ChangeSet.builder()
            .compare("tags", Map.of("team", "web"), Map.of(), ChangeStrategy.TAGS_ONLY)
            .compare(
                "encryptionConfiguration.encryptionType", "KMS", "AES256", ChangeStrategy.REPLACE)
            .compare("imageTagMutability", "IMMUTABLE", "MUTABLE", ChangeStrategy.IN_PLACE)
            .build();

    assertThat(changes.has("tags")).isTrue();
    assertThat(changes.has("imageScanningConfiguration.scanOnPush")).isFalse();
    assertThat(changes.hasAny(ChangeStrategy.REPLACE)).isTrue();
    assertThat(changes.hasAny(ChangeStrategy.NEW_REVISION)).isFalse();
    assertThat(changes.only(ChangeStrategy.REPLACE))
        .extracting(FieldChange::path)
        .containsExactly("encryptionConfiguration.encryptionType");
    assertThat(changes.paths())
        .isEqualTo("tags, encryptionConfiguration.encryptionType, imageTagMutability");
  }

  @Test
  void builtChangeSetIsImmutableAndIndependentOfTheBuilder() {
    ChangeSet.Builder builder = ChangeSet.builder().compare("a", 1, 2, ChangeStrategy.IN_PLACE);
    ChangeSet first = builder.build();
    builder.compare("b", 1, 2, ChangeStrategy.IN_PLACE);

    assertThat(first.paths()).isEqualTo("a");
    assertThat(builder.build().paths()).isEqualTo("a, b");
    assertThatThrownBy(
            () -> first.changes().add(new FieldChange("c", 1, 2, ChangeStrategy.IN_PLACE)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructorCopiesTheList() {
    List<FieldChange> list = new ArrayList<>();
    list.add(new FieldChange("a", 1, 2, ChangeStrategy.IN_PLACE));
    ChangeSet changes = new ChangeSet(list);
    list.clear();

    assertThat(changes.changes()).hasSize(1);
  }

  @Test
  void fieldChangeNeedsPathAndStrategy() {
    assertThatThrownBy(() -> new FieldChange(null, 1, 2, ChangeStrategy.IN_PLACE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new FieldChange("a", 1, 2, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(new FieldChange("desiredCount", 3, 2, ChangeStrategy.IN_PLACE))
        .hasToString("desiredCount: 2 -> 3");
  }
}

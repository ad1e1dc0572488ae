package io.ecsoperator.crds.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The columns every kind shares around the kind's own, in the order kubectl shows them. */
class PrinterColumnsTest {

  @Test
  void readyAndStatusComeFirstAgeAfterTheKindsOwnColumnsAndWideOnesLast() {
    // As the generator emits them: sorted by JSON path, not as the class declares them.
    List<CustomResourceColumnDefinition> generated =
        List.of(column("ARN", 1), column("Running", 0), column("Desired", 0));

    assertThat(PrinterColumns.columns(generated, List.of("Desired", "Running", "ARN")))
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Ready", "Status", "Desired", "Running", "Age", "ARN");
  }

  @Test
  void aKindWithoutColumnsOfItsOwnGetsTheSharedOnes() {
    assertThat(PrinterColumns.columns(List.of(), List.of()))
        .extracting(CustomResourceColumnDefinition::getJsonPath)
        .containsExactly(
            ".status.conditions[?(@.type==\"Ready\")].status",
            ".status.conditions[?(@.type==\"Ready\")].message",
            ".metadata.creationTimestamp");
  }

  private static CustomResourceColumnDefinition column(String name, int priority) {
    return new CustomResourceColumnDefinitionBuilder()
        .withName(name)
        .withJsonPath(".status." + name)
        .withType("string")
        .withPriority(priority == 0 ? null : priority)
        .build();
  }
}

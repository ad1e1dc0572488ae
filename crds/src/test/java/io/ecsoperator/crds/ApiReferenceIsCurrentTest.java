package io.ecsoperator.crds;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.generation.ApiReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api-reference.md is rendered from the generated CRDs; this fails when it is stale. */
class ApiReferenceIsCurrentTest {

  private static final String HOW_TO_FIX =
      "docs/api-reference.md is stale: run ./mvnw -pl crds -P update-crds process-classes";

  private final Path generated = Path.of(System.getProperty("generated.crds.dir"));
  private final Path reference = Path.of(System.getProperty("api.reference"));

  @Test
  void theCommittedReferenceIsTheOneTheCrdsRender() throws IOException {
    assertThat(reference).as(HOW_TO_FIX).exists();
    assertThat(Files.readString(reference))
        .as(HOW_TO_FIX)
        .isEqualTo(ApiReference.render(generated));
  }

  @Test
  void everyKindAndSpecFieldIsInTheReference() throws IOException {
    String rendered = ApiReference.render(generated);
    for (String kind : new String[] {"EcrRepository", "EcsCluster", "EcsService"}) {
      assertThat(rendered).contains("## " + kind + "\n");
    }
    assertThat(rendered)
        .contains("## EcsTaskDefinition\n")
        .contains("| `spec.containerDefinitions[].portMappings[].containerPort` | integer |")
        .contains("| `spec.deletionPolicy` | string | `\"Delete\"` | one of `Delete`, `Retain` |")
        .contains("| `status.observedGeneration` | integer |");
  }
}

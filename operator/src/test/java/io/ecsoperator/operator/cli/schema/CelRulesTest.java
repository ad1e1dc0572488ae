package io.ecsoperator.operator.cli.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CelRulesTest {

  private final CelRules cel = new CelRules();

  /**
   * Every CRD of the project, including kinds the CLI does not handle yet: a rule using a function
   * our CEL lacks fails here, not in a user's plan.
   */
  @Test
  void everyRuleOfEveryCrdCompiles() throws IOException {
    List<String> crds;
    try (Stream<Path> files = Files.list(Path.of("../charts/ecs-operator/crds"))) {
      crds = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(crds)
        .contains("ecrrepositories.ecsoperator.io-v1.yml", "ecsclusters.ecsoperator.io-v1.yml");
    for (String crd : crds) {
      CrdSchema schema = CrdSchema.fromClasspath("META-INF/fabric8/" + crd, "v1alpha1", cel);
      assertThat(schema.rules()).as(crd).isNotEmpty();
    }
  }

  @Test
  void rulesReadingOldSelfAreTransitionRules() {
    assertThat(cel.compile("self.region == oldSelf.region").transition()).isTrue();
    assertThat(cel.compile("has(self.region)").transition()).isFalse();
    assertThat(cel.compile("self.all(o, o.oldSelf == 1)").transition())
        .as("a field named oldSelf is not the variable")
        .isFalse();
  }

  @Test
  void kubernetesFunctionsOurRulesUseEvaluate() {
    Map<String, Object> self =
        Map.of(
            "name",
            "web-1",
            "tags",
            Map.of("AWS:x", "1"),
            "items",
            List.of(Map.of("n", 1L), Map.of("n", 2L)),
            "size",
            3.5);
    assertThat(holds("self.name.matches('^[a-z0-9-]+$')", self)).isTrue();
    assertThat(holds("self.tags.all(k, !k.lowerAscii().startsWith('aws:'))", self)).isFalse();
    assertThat(holds("self.name.replace('-', '_') == 'web_1'", self)).isTrue();
    assertThat(holds("self.items.all(i, self.items.exists_one(o, o.n == i.n))", self)).isTrue();
    assertThat(holds("size(self.items.filter(i, i.n > 1)) == 1", self)).isTrue();
    assertThat(holds("self.size > 3", self)).as("double against int").isTrue();
    assertThat(holds("self.name.endsWith('-1') ? true : false", self)).isTrue();
  }

  @Test
  void anEvaluationErrorIsAFailureWithItsMessage() {
    assertThat(cel.failure(cel.compile("self.missing == 1"), Map.of("a", 1L)))
        .isNotNull()
        .isNotEqualTo("false");
  }

  @Test
  void anUnknownFunctionIsABrokenCrd() {
    assertThatThrownBy(() -> cel.compile("self.name.frobnicate()"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CRD rule does not compile");
  }

  private boolean holds(String rule, Object self) {
    return cel.failure(cel.compile(rule), self) == null;
  }
}

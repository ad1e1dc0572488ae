package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other half of ManifestLoaderTest: the real API server, with the chart's CRDs, refuses every
 * case of {@link ValidationCases} naming the same field with the same message as the CLI, and
 * accepts what the CLI accepts. So the CLI's checks are the CRDs' checks, not a second opinion.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliValidationIT {

  private final TestBed bed = TestBed.get();
  private String namespace;

  @BeforeAll
  void crdsAndNamespace() {
    OperatorHarness.installCrds(bed);
    namespace = OperatorHarness.createNamespace(bed, "cli-validation");
  }

  static Stream<ValidationCases.Case> invalid() {
    return ValidationCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void theApiServerRefusesItForTheSameFieldAndReason(ValidationCases.Case bad) {
    Processes.Result result = dryRun(bad.manifest());

    assertThat(result.exitCode()).as("kubectl apply of %s\n%s", bad, result.output()).isNotZero();
    assertThat(result.stderr()).contains(bad.field()).contains(bad.message());
  }

  @Test
  void bothAcceptTheQuickstart() {
    String dir = bed.repoRoot().resolve("examples/quickstart").toString();
    bed.kubectl("apply", "--dry-run=server", "-f", dir, "-n", namespace).assertSuccess("dry run");
    assertThat(new CliHarness().run("plan", "-f", dir).exitCode()).isNotEqualTo(1);
  }

  private Processes.Result dryRun(String manifest) {
    return bed.kubectlWithInput(manifest, "apply", "--dry-run=server", "-f", "-", "-n", namespace);
  }
}

package io.ecsoperator.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every admission IT of one kind stands on: the chart's CRDs in the real API server, a
 * namespace of its own with no operator watching it, and manifests of that kind applied with {@code
 * kubectl} as a user would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ManifestValidation {

  protected final TestBed bed = TestBed.get();
  private final AtomicInteger names = new AtomicInteger();
  private final String kind;
  private final String plural;
  private final String namespacePrefix;
  private final String objectPrefix;
  protected String namespace;

  /**
   * @param kind e.g. {@code EcrRepository}
   * @param plural the resource's plural name, e.g. {@code ecrrepositories}
   * @param namespacePrefix the test namespace's name, before a random suffix
   * @param objectPrefix object names are this with a number
   */
  protected ManifestValidation(
      String kind, String plural, String namespacePrefix, String objectPrefix) {
    this.kind = kind;
    this.plural = plural;
    this.namespacePrefix = namespacePrefix;
    this.objectPrefix = objectPrefix;
  }

  @BeforeAll
  void installCrdsAndNamespace() {
    OperatorHarness.installCrds(bed);
    namespace = OperatorHarness.createNamespace(bed, namespacePrefix);
  }

  @AfterAll
  void deleteObjects() {
    if (namespace != null) {
      // No finalizers without an operator: the objects go at once.
      bed.kubectl("delete", plural, "--all", "-n", namespace, "--wait=false");
    }
  }

  /**
   * Each case of the kind's {@code static Stream<Arguments> invalidManifests()} (made with {@link
   * #invalid}) is refused naming its field.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidManifests")
  void anInvalidManifestIsRefusedNamingTheField(
      String name, String spec, String field, String message) {
    assertRefusedNamingTheField(spec, field, message);
  }

  /** Each case {@code (name, spec)} of the kind's {@code validManifests()} is accepted. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("validManifests")
  void aValidManifestIsAccepted(String name, String spec) {
    assertAccepted(name, spec);
  }

  /** A parameter set of an invalid manifest: its case, spec, the field named and the message. */
  protected static Arguments invalid(String name, String spec, String field, String message) {
    return Arguments.of(name, spec, field, message);
  }

  /** A {@code tags} map of {@code count} entries. */
  protected static String tags(int count) {
    return "tags:\n"
        + IntStream.rangeClosed(1, count)
            .mapToObj(i -> "  key" + i + ": value" + i + "\n")
            .collect(Collectors.joining());
  }

  /** The spec of (the first object of) a manifest under {@code examples/}, unindented. */
  protected static String exampleSpec(String file) throws IOException {
    String example =
        Files.readString(TestBed.get().repoRoot().resolve("examples/" + file)).split("\n---\n")[0];
    String exampleSpec = example.substring(example.indexOf("spec:\n") + "spec:\n".length());
    return exampleSpec.indent(-2);
  }

  /** A fresh object name. */
  protected String nextName() {
    return objectPrefix + "-" + names.incrementAndGet();
  }

  /** {@code kind/object}, as kubectl names it. */
  protected String resource(String object) {
    return kind.toLowerCase(Locale.ROOT) + "/" + object;
  }

  protected Processes.Result apply(String yaml) {
    return bed.kubectlWithInput(yaml, "apply", "-f", "-", "-n", namespace);
  }

  /** The stored spec of {@code object}, as JSON. */
  protected String spec(String object) {
    return bed.kubectl("get", resource(object), "-n", namespace, "-o", "jsonpath={.spec}")
        .assertSuccess("get spec")
        .stdout();
  }

  /** A JSONPath template read of {@code object}, e.g. {@code {.spec.tags.team}}. */
  protected String get(String object, String template) {
    return bed.kubectl("get", resource(object), "-n", namespace, "-o", "jsonpath=" + template)
        .assertSuccess("get")
        .stdout();
  }

  /** A manifest of this kind named {@code name}, with this spec. */
  protected String manifest(String name, String spec) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: %s
        metadata:
          name: %s
        spec:
        %s"""
        .formatted(kind, name, spec.strip().equals("{}") ? "  {}\n" : spec.indent(2));
  }

  /** {@code kubectl apply} failed. */
  protected static void assertRefused(Processes.Result result) {
    assertThat(result.exitCode()).as("kubectl apply exit code\n%s", result.output()).isNotZero();
  }

  /** Nothing named {@code object} is stored. */
  protected void assertNotStored(String object, String why) {
    assertThat(bed.kubectl("get", resource(object), "-n", namespace).exitCode())
        .as(why)
        .isNotZero();
  }

  /**
   * A new object of this spec is refused with an error that names {@code field} and says {@code
   * message}, and is not stored.
   */
  protected void assertRefusedNamingTheField(String spec, String field, String message) {
    String object = nextName();

    Processes.Result result = apply(manifest(object, spec));

    assertRefused(result);
    assertThat(result.stderr())
        .as("the error names the field")
        .contains("is invalid")
        .contains(field + ":")
        .contains(message);
    assertNotStored(object, "nothing was stored");
  }

  /** A server-side dry run of a new object of this spec is accepted and stores nothing. */
  protected void assertAccepted(String name, String spec) {
    String object = nextName();

    Processes.Result result =
        bed.kubectlWithInput(
            manifest(object, spec), "apply", "--dry-run=server", "-f", "-", "-n", namespace);

    result.assertSuccess("kubectl apply --dry-run=server of " + name);
    assertThat(result.stdout())
        .contains(kind.toLowerCase(Locale.ROOT) + ".ecsoperator.io/" + object + " created");
    assertNotStored(object, "a dry run stores nothing");
  }

  /**
   * An object stored with {@code original} cannot be changed to {@code changed}: the error says
   * {@code message} and the stored spec stays as it was.
   */
  protected void assertChangeRefused(String original, String changed, String message) {
    String object = nextName();
    apply(manifest(object, original)).assertSuccess("apply the original");
    String before = spec(object);
    assertThat(changed).as("the case changes the spec").isNotEqualTo(original);

    Processes.Result result = apply(manifest(object, changed));

    assertRefused(result);
    assertThat(result.stderr()).contains("is invalid").contains(message);
    assertThat(spec(object)).as("the stored spec is unchanged").isEqualTo(before);
  }
}

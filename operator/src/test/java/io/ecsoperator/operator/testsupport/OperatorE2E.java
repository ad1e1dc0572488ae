package io.ecsoperator.operator.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every end-to-end IT stands on: one operator for the whole class, watching a fresh namespace
 * of its own, against an empty AWS account, and the kind's example manifest to start from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OperatorE2E {

  /** The drift-check interval of the operator under test. */
  protected static final Duration RESYNC = Duration.ofSeconds(3);

  /** How long a step may take before the test fails. */
  protected static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * A manifest under {@code examples/}: its {@code metadata.name}, and the spec field that names
   * the AWS resource with its value.
   */
  public record Example(String file, String name, String awsNameField, String awsName) {}

  private final String namespacePrefix;
  private final Example example;
  protected OperatorHarness h;

  protected OperatorE2E(String namespacePrefix, Example example) {
    this.namespacePrefix = namespacePrefix;
    this.example = example;
  }

  /** Runs before the subclass's own {@code @BeforeAll} methods, which may use {@link #h}. */
  @BeforeAll
  void startOperator() {
    h = OperatorHarness.start(namespacePrefix, RESYNC, awsEndpoint());
    h.bed.resetAws();
  }

  /**
   * Where the operator sends its AWS calls: null for the bed's moto, or e.g. an AwsFaultProxy in
   * front of it that answers as AWS does where moto does not. Called once, before the operator
   * starts.
   */
  protected URI awsEndpoint() {
    return null;
  }

  @AfterAll
  void stopOperator() {
    if (h != null) {
      h.close();
    }
  }

  /** The example manifest as it is in the repository. */
  protected String exampleYaml() throws IOException {
    return Files.readString(h.bed.repoRoot().resolve("examples/" + example.file()));
  }

  /** The example manifest with another object name and another AWS resource name. */
  protected String example(String name, String awsName) throws IOException {
    return exampleYaml()
        .replace("name: " + example.name() + "\n", "name: " + name + "\n")
        .replace(
            example.awsNameField() + ": " + example.awsName(),
            example.awsNameField() + ": " + awsName);
  }

  /** Waits until the object's condition of that type has that reason. */
  protected void waitForReason(String object, String condition, String reason) {
    h.waitFor(
        "jsonpath={.status.conditions[?(@.type==\"" + condition + "\")].reason}=" + reason,
        object,
        WAIT);
  }

  /** The JSONPath of the message of the condition of that type. */
  protected static String conditionMessage(String type) {
    return ".status.conditions[?(@.type==\"" + type + "\")].message";
  }

  /** The reasons of the events about the object {@code name}, space-separated. */
  protected String events(String name) {
    return h.kubectl(
            "get",
            "events",
            "--field-selector",
            "involvedObject.name=" + name,
            "-o",
            "jsonpath={.items[*].reason}")
        .stdout();
  }
}

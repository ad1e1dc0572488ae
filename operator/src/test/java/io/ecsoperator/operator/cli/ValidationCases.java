package io.ecsoperator.operator.cli;

import io.ecsoperator.testsupport.TestClasses;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Invalid manifests of the kinds the CLI handles, each with the field the error must name and a
 * part of the message. The same table runs against the CLI (ManifestLoaderTest) and the real API
 * server (CliValidationIT), so the CLI refuses what {@code kubectl apply} refuses, for the same
 * reason and field. Every CEL rule of the CRDs that applies to a new object has a case. Each kind's
 * cases are in its own test folder, in a public class {@code <Kind>ValidationCases} implementing
 * {@link OfKind}; they are found there, not listed.
 */
public final class ValidationCases {

  /**
   * @param kind the object's kind
   * @param name metadata.name
   * @param spec the spec, unindented
   * @param field the field the error names
   * @param message part of the error message that both the CLI and the API server print
   */
  public record Case(String kind, String name, String spec, String field, String message) {
    @Override
    public String toString() {
      return kind + " " + field + ": " + message;
    }

    public String manifest() {
      return """
          apiVersion: ecsoperator.io/v1alpha1
          kind: %s
          metadata:
            name: %s
          spec:
          %s"""
          .formatted(kind, name, spec.indent(2));
    }
  }

  /** The cases of one kind. */
  public interface OfKind {
    List<Case> cases();
  }

  private ValidationCases() {}

  /** Every case of every kind. */
  public static List<Case> all() {
    List<OfKind> kinds = TestClasses.instancesOf(OfKind.class, "ValidationCases");
    return kinds.stream().flatMap(k -> k.cases().stream()).toList();
  }

  /** A {@code tags} map of that many entries. */
  public static String tags(int count) {
    return "tags:\n"
        + IntStream.rangeClosed(1, count)
            .mapToObj(i -> "  key" + i + ": value" + i + "\n")
            .collect(Collectors.joining());
  }
}

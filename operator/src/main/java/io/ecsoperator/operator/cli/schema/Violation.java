package io.ecsoperator.operator.cli.schema;

/**
 * One way a manifest breaks its CRD, named the way the API server names it.
 *
 * @param path the field, e.g. {@code spec.lifecyclePolicy.rules[0].rulePriority}
 * @param message what is wrong with it
 */
public record Violation(String path, String message) {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}

package io.ecsoperator.operator.cli.manifest;

import java.util.List;

/** The manifests cannot be used as they are; nothing was sent to AWS. */
public final class InvalidManifestsException extends RuntimeException {

  private final List<String> errors;

  public InvalidManifestsException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  /** One line per problem, each naming the file, the document and the field. */
  public List<String> errors() {
    return errors;
  }
}

package io.ecsoperator.operator.cli.manifest;

/**
 * Where a document was read: the file as the user named it (or found it in a folder) and its
 * position in the file, counting from 1.
 */
public record ManifestSource(String file, int document) {

  @Override
  public String toString() {
    return file + " document " + document;
  }
}

package io.ecsoperator.reconcilers.cluster;

/** Compares KMS key references the way AWS may echo them: ID, alias or ARN. */
final class KmsKeys {

  private KmsKeys() {}

  /**
   * Whether {@code actual} is the key {@code desired} names. A key ID matches its key ARN and an
   * alias its alias ARN; an alias against a key cannot be resolved without KMS, so it is taken as
   * matching.
   */
  static boolean same(String desired, String actual) {
    if (actual == null) {
      return false;
    }
    return desired.equals(actual)
        || resource(desired).equals(resource(actual))
        || isAlias(desired) && !isAlias(actual);
  }

  /** "arn:aws:kms:r:a:key/ID" -> "ID", "arn:aws:kms:r:a:alias/x" -> "alias/x"; others as given. */
  private static String resource(String key) {
    if (!key.startsWith("arn:")) {
      return key;
    }
    String[] parts = key.split(":", 6);
    String resource = parts[parts.length - 1];
    return resource.startsWith("key/") ? resource.substring(4) : resource;
  }

  private static boolean isAlias(String key) {
    return resource(key).startsWith("alias/");
  }
}

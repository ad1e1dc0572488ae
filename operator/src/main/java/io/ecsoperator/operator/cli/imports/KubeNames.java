package io.ecsoperator.operator.cli.imports;

import io.ecsoperator.operator.cli.schema.ObjectNames;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Object names for imported AWS resources: the AWS name made a valid Kubernetes name (lowercase RFC
 * 1123 subdomain), unique within its kind and namespace.
 */
final class KubeNames {

  private final Set<String> taken = new HashSet<>();

  /**
   * Takes this exact name (an owner tag's), when it is a valid object name and still free.
   *
   * @return whether it was taken
   */
  boolean claim(String kind, String namespace, String name) {
    return ObjectNames.isValidNamespace(namespace)
        && ObjectNames.isValidName(name)
        && taken.add(kind + " " + namespace + "/" + name);
  }

  /** A fresh name for an object of {@code kind} in {@code namespace} importing {@code awsName}. */
  String allocate(String kind, String namespace, String awsName) {
    String base = valid(awsName, kind.toLowerCase(Locale.ROOT));
    String name = base;
    for (int n = 2; !taken.add(kind + " " + namespace + "/" + name); n++) {
      String suffix = "-" + n;
      name =
          base.substring(0, Math.min(base.length(), ObjectNames.MAX_NAME - suffix.length()))
              + suffix;
    }
    return name;
  }

  /** {@code Shop_Web/API} -> {@code shop-web-api}; the fallback when nothing valid is left. */
  static String valid(String awsName, String fallback) {
    String name =
        awsName
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.-]+", "-")
            .replaceAll("-{2,}", "-")
            .replaceAll("\\.{2,}", ".")
            .replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
    if (name.length() > ObjectNames.MAX_NAME) {
      name = name.substring(0, ObjectNames.MAX_NAME).replaceAll("[^a-z0-9]+$", "");
    }
    return name.isEmpty() ? fallback : name;
  }
}

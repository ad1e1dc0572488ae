package io.ecsoperator.operator.cli.imports;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Object names for imported AWS resources: the AWS name made a valid Kubernetes name (lowercase RFC
 * 1123 subdomain), unique within its kind.
 */
final class KubeNames {

  private static final int MAX = 253;

  private final Set<String> taken = new HashSet<>();

  /** A fresh name for an object of {@code kind} importing {@code awsName}. */
  String allocate(String kind, String awsName) {
    String base = valid(awsName, kind.toLowerCase(Locale.ROOT));
    String name = base;
    for (int n = 2; !taken.add(kind + "/" + name); n++) {
      String suffix = "-" + n;
      name = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
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
    if (name.length() > MAX) {
      name = name.substring(0, MAX).replaceAll("[^a-z0-9]+$", "");
    }
    return name.isEmpty() ? fallback : name;
  }
}

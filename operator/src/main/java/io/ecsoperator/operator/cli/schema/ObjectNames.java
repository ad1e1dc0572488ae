package io.ecsoperator.operator.cli.schema;

import java.util.regex.Pattern;

/** What the API server accepts as an object's name and namespace. */
public final class ObjectNames {

  /** The longest object name. */
  public static final int MAX_NAME = 253;

  private static final Pattern SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

  private ObjectNames() {}

  /** A lowercase RFC 1123 subdomain: the names of custom objects. */
  public static boolean isValidName(String name) {
    return name.length() <= MAX_NAME && SUBDOMAIN.matcher(name).matches();
  }

  /** A lowercase RFC 1123 label: the names of namespaces. */
  public static boolean isValidNamespace(String namespace) {
    return namespace.length() <= 63 && LABEL.matcher(namespace).matches();
  }
}

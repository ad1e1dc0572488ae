package io.ecsoperator.reconcilers.cluster;

/**
 * What the operator knows of a cluster's Service Connect namespace: the name it was set by and the
 * ARN AWS reported for it then. AWS answers a namespace given by name with its ARN, and the ARN
 * (".../namespace/ns-...") does not contain the name, so without this a spec naming the namespace
 * could not be compared with AWS.
 *
 * @param name the namespace as the spec gave it
 * @param arn the namespace as AWS reported it after it was set
 */
public record NamespaceName(String name, String arn) {

  /**
   * The name AWS's namespace was set by: the namespace itself when AWS reports a name, this name
   * when AWS still reports the ARN it had then, and null when unknown (set by someone else, or
   * since changed).
   */
  public static String resolve(String reported, NamespaceName known) {
    if (reported == null || !isArn(reported)) {
      return reported;
    }
    return known != null && reported.equals(known.arn()) ? known.name() : null;
  }

  static boolean isArn(String namespace) {
    return namespace.startsWith("arn:");
  }
}

package io.ecsoperator.operator.account;

import io.ecsoperator.crds.account.AwsAccount;
import io.ecsoperator.crds.account.AwsAccountSpec;
import io.ecsoperator.reconcilers.aws.RoleToAssume;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which AWS account an object acts in, and whether that account lets it (issue 13 §1): the rules
 * that keep a tenant out of another tenant's account. Pure.
 */
public final class AccountRules {

  private AccountRules() {}

  /**
   * The AwsAccount an object acts in: the one it names, else the one its namespace is bound to (by
   * label, else by annotation); null for the operator's own identity.
   *
   * @param namespace the object's namespace as last seen; null if unknown
   */
  public static String chosen(String named, Namespace namespace) {
    if (named != null) {
      return named;
    }
    if (namespace == null) {
      return null;
    }
    String byLabel = valueOf(namespace.getMetadata().getLabels());
    return byLabel != null ? byLabel : valueOf(namespace.getMetadata().getAnnotations());
  }

  /**
   * The role an account's spec names. Its defaults (session name and duration) come from the CRD:
   * the API server fills them in, and so does the CLI's check of the account's manifest.
   */
  public static RoleToAssume role(AwsAccountSpec spec) {
    return new RoleToAssume(
        spec.roleArn,
        spec.externalId,
        spec.sessionName,
        Duration.ofSeconds(spec.sessionDurationSeconds),
        spec.region);
  }

  /** Whether the account lets objects of this namespace act in it. */
  public static boolean allows(
      AwsAccountSpec account, String namespace, Map<String, String> labels) {
    if (account.namespaces != null && account.namespaces.contains(namespace)) {
      return true;
    }
    return account.namespaceSelector != null
        && matches(account.namespaceSelector, labels == null ? Map.of() : labels);
  }

  /**
   * Whether labels match a selector as Kubernetes matches it: every matchLabels pair and every
   * requirement (In, NotIn, Exists, DoesNotExist). An empty selector matches everything.
   */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    Map<String, String> required =
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    for (var pair : required.entrySet()) {
      if (!Objects.equals(labels.get(pair.getKey()), pair.getValue())) {
        return false;
      }
    }
    List<LabelSelectorRequirement> requirements =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    return requirements.stream().allMatch(r -> meets(r, labels));
  }

  private static boolean meets(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      // An operator Kubernetes does not know selects nothing rather than everything.
      default -> false;
    };
  }

  private static String valueOf(Map<String, String> metadata) {
    return metadata == null ? null : metadata.get(AwsAccount.NAMESPACE_LABEL);
  }
}

package io.ecsoperator.operator.settings;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.regex.Pattern;

/**
 * The identity an operator installation records in the ownership tags of the AWS resources it
 * manages (issue 13 §2): two clusters with an object of the same namespace/name over one AWS
 * account then never take each other's resources. {@code auto} is the UID of the cluster's
 * kube-system namespace, which is unique per cluster and lives as long as it.
 */
public final class InstallationIdentity {

  /** The value of {@code --installation} that asks for the cluster's own identity. */
  public static final String AUTO = "auto";

  /** What an AWS tag value accepts everywhere (ECS, ECR, Scheduler), kept short. */
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:/=+@-]{1,128}");

  private InstallationIdentity() {}

  /**
   * @param option the {@code --installation} value: null or blank for none, {@code auto}, or the
   *     identity itself
   * @throws IllegalArgumentException when the identity cannot be a tag value, or {@code auto}
   *     cannot read the kube-system namespace
   */
  public static String resolve(String option, KubernetesClient client) {
    if (option == null || option.isBlank()) {
      return null;
    }
    if (!AUTO.equals(option)) {
      if (!VALID.matcher(option).matches()) {
        throw new IllegalArgumentException(
            "--installation "
                + option
                + ": use up to 128 letters, digits and . _ : / = + @ - (it becomes an AWS tag value)");
      }
      return option;
    }
    Namespace kubeSystem = client.namespaces().withName("kube-system").get();
    if (kubeSystem == null) {
      throw new IllegalArgumentException(
          "--installation auto: the cluster has no kube-system namespace to take its UID from;"
              + " give the installation a name");
    }
    return kubeSystem.getMetadata().getUid();
  }
}

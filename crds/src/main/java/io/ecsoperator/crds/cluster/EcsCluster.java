package io.ecsoperator.crds.cluster;

import io.ecsoperator.crds.common.ManagedStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** An Amazon ECS cluster. */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecsclusters")
@AdditionalPrinterColumn(
    name = "ARN",
    jsonPath = ".status.arn",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@ValidationRule(
    value =
        "(has(self.spec) && has(self.spec.clusterName)) ||"
            + " self.metadata.name.matches('^[a-zA-Z0-9_-]{1,255}$')",
    message =
        "metadata.name is not a valid ECS cluster name (letters, digits, '_' and '-' only): set"
            + " spec.clusterName",
    fieldPath = ".spec.clusterName")
public class EcsCluster extends CustomResource<EcsClusterSpec, EcsClusterStatus>
    implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public EcsClusterStatus getStatus() {
    return super.getStatus();
  }

  /** The AWS cluster name: spec.clusterName, else metadata.name. */
  public String clusterName() {
    String name = getSpec() == null ? null : getSpec().clusterName;
    return name != null ? name : getMetadata().getName();
  }
}

package io.ecsoperator.crds.capacityprovider;

import io.ecsoperator.crds.common.ManagedStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** An Amazon ECS capacity provider: an Auto Scaling group, or ECS Managed Instances. */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecscapacityproviders")
@AdditionalPrinterColumn(
    name = "ARN",
    jsonPath = ".status.arn",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@ValidationRule(
    value =
        "(has(self.spec) && has(self.spec.name)) || (self.metadata.name.matches('^[a-zA-Z0-9_-]{1,255}$')"
            + " && !self.metadata.name.lowerAscii().matches('^(aws|ecs|fargate)'))",
    message =
        "metadata.name is not a valid capacity provider name (letters, digits, '_' and '-', not"
            + " starting with aws, ecs or fargate): set spec.name",
    fieldPath = ".spec.name")
public class EcsCapacityProvider
    extends CustomResource<EcsCapacityProviderSpec, EcsCapacityProviderStatus>
    implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public EcsCapacityProviderStatus getStatus() {
    return super.getStatus();
  }

  /** The AWS capacity provider name: spec.name, else metadata.name. */
  public String providerName() {
    String name = getSpec() == null ? null : getSpec().name;
    return name != null ? name : getMetadata().getName();
  }
}

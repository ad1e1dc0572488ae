package io.ecsoperator.crds.taskdefinition;

import io.ecsoperator.crds.common.ManagedStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** An Amazon ECS task definition family, whose revisions the operator registers. */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecstaskdefinitions")
@ShortNames("ecstd")
@AdditionalPrinterColumn(
    name = "Revision",
    jsonPath = ".status.revision",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "ARN",
    jsonPath = ".status.taskDefinitionArn",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@ValidationRule(value = "has(self.spec)", message = "spec is required", fieldPath = ".spec")
@ValidationRule(
    value =
        "!has(self.spec) || has(self.spec.family) ||"
            + " self.metadata.name.matches('^[a-zA-Z0-9_-]{1,255}$')",
    message =
        "metadata.name is not a valid task definition family (letters, digits, '-' and '_'):"
            + " set spec.family",
    fieldPath = ".spec.family")
public class EcsTaskDefinition
    extends CustomResource<EcsTaskDefinitionSpec, EcsTaskDefinitionStatus> implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public EcsTaskDefinitionStatus getStatus() {
    return super.getStatus();
  }

  /** The AWS task definition family: spec.family, else metadata.name. */
  public String family() {
    String family = getSpec() == null ? null : getSpec().family;
    return family != null ? family : getMetadata().getName();
  }
}

package io.ecsoperator.crds.ecr;

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

/** An Amazon ECR repository. */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecrrepositories")
@ShortNames("ecrrepo")
@AdditionalPrinterColumn(
    name = "URI",
    jsonPath = ".status.repositoryUri",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "ARN",
    jsonPath = ".status.arn",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@ValidationRule(
    value =
        "(has(self.spec) && has(self.spec.repositoryName)) || (size(self.metadata.name) >= 2 &&"
            + " self.metadata.name.matches('^[a-z0-9]+(?:[._-][a-z0-9]+)*$'))",
    message =
        "metadata.name is not a valid ECR repository name (2 or more characters, no repeated"
            + " '.', '-' or '_'): set spec.repositoryName",
    fieldPath = ".spec.repositoryName")
public class EcrRepository extends CustomResource<EcrRepositorySpec, EcrRepositoryStatus>
    implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public EcrRepositoryStatus getStatus() {
    return super.getStatus();
  }

  /** The AWS repository name: spec.repositoryName, else metadata.name. */
  public String repositoryName() {
    String name = getSpec() == null ? null : getSpec().repositoryName;
    return name != null ? name : getMetadata().getName();
  }
}

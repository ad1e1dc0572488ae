package io.ecsoperator.crds.task;

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

/** An Amazon ECS task run once to completion, like a Kubernetes Job (RunTask). */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecstasks")
@ShortNames("ecstask")
@AdditionalPrinterColumn(
    name = "Attempts",
    jsonPath = ".status.attemptsStarted",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Exit",
    jsonPath = ".status.exitCode",
    type = AdditionalPrinterColumn.Type.INTEGER)
@ValidationRule(value = "has(self.spec)", message = "spec is required", fieldPath = ".spec")
public class EcsTask extends CustomResource<EcsTaskSpec, EcsTaskStatus> implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public EcsTaskStatus getStatus() {
    return super.getStatus();
  }
}

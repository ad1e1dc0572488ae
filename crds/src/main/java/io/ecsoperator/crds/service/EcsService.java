package io.ecsoperator.crds.service;

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

/** An Amazon ECS service: tasks of a task definition kept running in a cluster. */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecsservices")
@ShortNames("ecssvc")
@AdditionalPrinterColumn(
    name = "Desired",
    jsonPath = ".status.desiredCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Running",
    jsonPath = ".status.runningCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Rollout",
    jsonPath = ".status.rollout.rolloutState",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Stage",
    jsonPath = ".status.rollout.lifecycleStage",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "ARN",
    jsonPath = ".status.arn",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@ValidationRule(value = "has(self.spec)", message = "spec is required", fieldPath = ".spec")
@ValidationRule(
    value =
        "!has(self.spec) || has(self.spec.serviceName) ||"
            + " self.metadata.name.matches('^[a-zA-Z0-9_-]{1,255}$')",
    message =
        "metadata.name is not a valid ECS service name (letters, digits, '_' and '-' only): set"
            + " spec.serviceName",
    fieldPath = ".spec.serviceName")
public class EcsService extends CustomResource<EcsServiceSpec, EcsServiceStatus>
    implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public EcsServiceStatus getStatus() {
    return super.getStatus();
  }

  /** The AWS service name: spec.serviceName, else metadata.name. */
  public String serviceName() {
    String name = getSpec() == null ? null : getSpec().serviceName;
    return name != null ? name : getMetadata().getName();
  }
}

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

/**
 * An Amazon ECS task run on a schedule, like a Kubernetes CronJob, through an EventBridge Scheduler
 * schedule. Schedules carry no tags (only schedule groups do), so the operator marks a schedule as
 * this object's in its Description ({@code Managed by ecs-operator:
 * ecsoperator.io/owner=<ns>/<name> ecsoperator.io/uid=<uid>}); a schedule of that name without the
 * marker is adopted only with {@code adopt: true}, one marked for another object is never touched.
 */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecsscheduledtasks")
@ShortNames("ecsschedtask")
@AdditionalPrinterColumn(
    name = "Schedule",
    jsonPath = ".spec.schedule",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Suspend",
    jsonPath = ".spec.suspend",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Next",
    jsonPath = ".status.nextRunTime",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "ARN",
    jsonPath = ".status.arn",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@ValidationRule(value = "has(self.spec)", message = "spec is required", fieldPath = ".spec")
@ValidationRule(
    value =
        "!has(self.spec) || has(self.spec.scheduleName) ||"
            + " self.metadata.name.matches('^[0-9a-zA-Z._-]{1,64}$')",
    message =
        "metadata.name is not a valid schedule name (at most 64 letters, digits, '.', '_', '-'):"
            + " set spec.scheduleName",
    fieldPath = ".spec.scheduleName")
public class EcsScheduledTask extends CustomResource<EcsScheduledTaskSpec, EcsScheduledTaskStatus>
    implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public EcsScheduledTaskStatus getStatus() {
    return super.getStatus();
  }

  /** The schedule's name: spec.scheduleName, else metadata.name. */
  public String scheduleName() {
    String name = getSpec() == null ? null : getSpec().scheduleName;
    return name != null ? name : getMetadata().getName();
  }
}

package io.ecsoperator.crds.task;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A task run once to completion, like a Kubernetes Job: the run, how often a failed attempt is
 * retried, how long it may take and how long the finished object stays. Immutable once created, but
 * for deletionPolicy, managementPolicy and ttlSecondsAfterFinished.
 */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value =
        "self.backoffLimit == oldSelf.backoffLimit && has(self.activeDeadlineSeconds) =="
            + " has(oldSelf.activeDeadlineSeconds) && (!has(self.activeDeadlineSeconds) ||"
            + " self.activeDeadlineSeconds == oldSelf.activeDeadlineSeconds)",
    message = "backoffLimit and activeDeadlineSeconds are immutable",
    fieldPath = ".backoffLimit")
@ValidationRule(
    value = "has(self.tags) == has(oldSelf.tags) && (!has(self.tags) || self.tags == oldSelf.tags)",
    message = "tags are immutable: they are the tags of the tasks already started",
    fieldPath = ".tags")
public class EcsTaskSpec extends ManagedSpec {

  @JsonPropertyDescription(
      "The task to run: cluster, task definition, capacity, network, overrides and count."
          + " Immutable.")
  @Required
  @ValidationRule(value = "self == oldSelf", message = "task is immutable")
  public TaskTemplate task;

  @JsonPropertyDescription(
      "Attempts after the first one when a task fails (an essential container exits non-zero or"
          + " the task cannot start); each attempt is a new RunTask. 0 to 100, default 0: a task"
          + " that changes data (a migration) is not retried unless you say so. Immutable.")
  @Min(0)
  @Max(100)
  @Default("0")
  public Integer backoffLimit;

  @JsonPropertyDescription(
      "Seconds from the first start after which a running task is stopped (StopTask) and the"
          + " object fails with DeadlineExceeded. None when omitted. Immutable.")
  @Min(1)
  public Long activeDeadlineSeconds;

  @JsonPropertyDescription(
      "Seconds after the task finished (Complete or Failed) after which the object deletes"
          + " itself. Kept when omitted.")
  @Min(0)
  public Integer ttlSecondsAfterFinished;
}

package io.ecsoperator.crds.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedSpec;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A task run on a schedule, like a Kubernetes CronJob, by an EventBridge Scheduler schedule the
 * operator owns: Scheduler starts the tasks (RunTask) even while the operator is down. spec.tags
 * are the tags of the tasks it starts.
 */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value =
        "has(self.scheduleName) == has(oldSelf.scheduleName) && (!has(self.scheduleName) ||"
            + " self.scheduleName == oldSelf.scheduleName)",
    message = "scheduleName is immutable")
@ValidationRule(
    value =
        "(has(self.groupName) ? self.groupName : 'default') == (has(oldSelf.groupName) ?"
            + " oldSelf.groupName : 'default')",
    message = "groupName is immutable")
@ValidationRule(
    value =
        "!has(self.startDate) || !has(self.endDate) || timestamp(self.startDate) <"
            + " timestamp(self.endDate)",
    message = "startDate must be before endDate",
    fieldPath = ".endDate")
@ValidationRule(
    value = "!has(self.timeZone) || !self.schedule.startsWith('rate(')",
    message = "a rate() schedule has no time zone",
    fieldPath = ".timeZone")
public class EcsScheduledTaskSpec extends ManagedSpec {

  /** Scheduler's names of schedules and schedule groups. */
  static final String SCHEDULER_NAME = "^[0-9a-zA-Z._-]{1,64}$";

  /** An RFC 3339 time. */
  static final String TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$";

  @JsonPropertyDescription(
      "Name of the EventBridge Scheduler schedule: up to 64 letters, digits, '.', '_' and '-'."
          + " Defaults to metadata.name. Immutable.")
  @Pattern(SCHEDULER_NAME)
  public String scheduleName;

  @JsonPropertyDescription("Schedule group of the schedule; 'default' when omitted. Immutable.")
  @Pattern(SCHEDULER_NAME)
  public String groupName;

  @JsonPropertyDescription(
      "When the task runs, in Scheduler's expressions: cron(minutes hours day-of-month month"
          + " day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss) for one run.")
  @Required
  @Size(min = 1, max = 256)
  @Pattern(
      "^(cron\\(.+\\)|rate\\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\\)|at\\([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\))$")
  public String schedule;

  @JsonPropertyDescription(
      "IANA time zone of cron() and at() expressions, e.g. Europe/Paris; UTC when omitted.")
  @Size(min = 1, max = 50)
  public String timeZone;

  @JsonPropertyDescription(
      "true disables the schedule (no new runs); running tasks are not stopped. Like a CronJob's"
          + " suspend.")
  public Boolean suspend;

  @JsonPropertyDescription("No run before this time (RFC 3339).")
  @Pattern(TIME)
  public String startDate;

  @JsonPropertyDescription("No run after this time (RFC 3339).")
  @Pattern(TIME)
  public String endDate;

  @JsonPropertyDescription(
      "Seconds after the scheduled time within which Scheduler may start the run, spreading"
          + " runs (a flexible time window): a multiple of 60 from 60 to 86400. The run starts at"
          + " the scheduled time when omitted.")
  @Min(60)
  @Max(86400)
  @ValidationRule(
      value = "self % 60 == 0",
      message = "startingDeadlineSeconds must be whole minutes")
  public Integer startingDeadlineSeconds;

  @JsonPropertyDescription(
      "How Scheduler retries a run it could not start (RunTask failing, e.g. for capacity).")
  public RetryPolicy retryPolicy;

  @JsonPropertyDescription(
      "ARN of the SQS queue where Scheduler sends the runs it could not start after its retries.")
  @Size(min = 1, max = 1600)
  @Pattern("^arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:.+$")
  public String deadLetterQueueArn;

  @JsonPropertyDescription(
      "ARN of the IAM role Scheduler assumes to start the tasks: it must allow ecs:RunTask on the"
          + " task definition, ecs:TagResource, and iam:PassRole of the task's roles.")
  @Required
  @Size(min = 1, max = 1600)
  @Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")
  public String roleArn;

  @JsonPropertyDescription("The task each run starts: the same fields as an EcsTask's spec.task.")
  @Required
  public TaskTemplate task;

  /** Scheduler's retries of a run it could not start. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class RetryPolicy {

    @JsonPropertyDescription(
        "Seconds Scheduler keeps trying to start a run, 60 to 86400 (AWS default 86400).")
    @Min(60)
    @Max(86400)
    public Integer maximumEventAgeInSeconds;

    @JsonPropertyDescription("Retries of a run, 0 to 185 (AWS default 185).")
    @Min(0)
    @Max(185)
    public Integer maximumRetryAttempts;
  }
}

package io.ecsoperator.reconcilers.aws;

/**
 * AWS API throttling buckets the operator stays under (DESIGN §8), with their burst and sustained
 * rate per second. ECS publishes these (developer guide, "Request throttling for the Amazon ECS
 * API"); the others are our own conservative choice, with a burst of one second's calls.
 */
public enum ApiCategory {
  ECS_SERVICE_MODIFY(50, 5),
  ECS_SERVICE_READ(100, 20),
  ECS_TASK_DEFINITION_MODIFY(20, 1),
  ECS_TASK_DEFINITION_READ(50, 20),
  ECS_TASK_DEFINITION_DELETE(5, 1),
  ECS_CLUSTER_MODIFY(20, 1),
  ECS_CLUSTER_READ(50, 20),
  ECS_TAG_MODIFY(20, 10),
  ECS_TAG_READ(50, 20),
  /** RunTask and StopTask: ECS's "task launch" bucket, our conservative share of it. */
  ECS_TASK_RUN(5, 5),
  ECR_READ(20, 20),
  ECR_MODIFY(5, 5),
  AUTOSCALING_READ(10, 10),
  AUTOSCALING_MODIFY(5, 5),
  /** CloudWatch Logs GetLogEvents (25 per second per account and region): a share of it. */
  LOGS_READ(10, 10),
  /**
   * The Resource Groups Tagging API's GetResources; AWS does not publish its rate, so a low one.
   */
  TAGGING_READ(5, 5),
  /** EventBridge Scheduler's GetSchedule: our conservative share of its account quota. */
  SCHEDULER_READ(10, 10),
  /** EventBridge Scheduler's Create/Update/DeleteSchedule: our conservative share. */
  SCHEDULER_MODIFY(5, 5),
  /** STS GetCallerIdentity, checking whom an assumed role acts as: our conservative rate. */
  STS_READ(5, 5);

  private final int burst;
  private final int sustainedPerSecond;

  ApiCategory(int burst, int sustainedPerSecond) {
    this.burst = burst;
    this.sustainedPerSecond = sustainedPerSecond;
  }

  /** The most calls AWS takes at once after a quiet time: its bucket's size. */
  public int burst() {
    return burst;
  }

  public int sustainedPerSecond() {
    return sustainedPerSecond;
  }

  /** The circuit breaker groups calls by AWS service: one failing service does not stop others. */
  public String service() {
    return name().substring(0, name().indexOf('_'));
  }
}

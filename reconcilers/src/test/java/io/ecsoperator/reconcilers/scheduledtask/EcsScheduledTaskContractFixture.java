package io.ecsoperator.reconcilers.scheduledtask;

import io.ecsoperator.crds.task.EcsScheduledTaskSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.contract.KindFixture;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.task.BatchedTaskDescriber;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * A schedule has no tags of its own: its "tags" here are the ownership marker of its Description
 * and the tags of the tasks it starts (the schedule's own tag left out).
 */
public final class EcsScheduledTaskContractFixture
    implements KindFixture<EcsScheduledTaskSpec, ScheduleState> {

  private static final ScheduleId ID = ScheduleId.of(null, "contract");
  private static final String ROLE = "arn:aws:iam::123456789012:role/scheduler";

  private AwsClientFactory aws;
  private ScheduleTarget target;

  @Override
  public Class<EcsScheduledTaskSpec> specClass() {
    return EcsScheduledTaskSpec.class;
  }

  @Override
  public String specYaml(String region) {
    return """
        region: %s
        schedule: rate(1 hour)
        roleArn: %s
        task:
          cluster: contract
          taskDefinition: contract-report
        tags: {team: web}
        """
        .formatted(region, ROLE);
  }

  @Override
  public void prepare(AwsClients aws) {
    String cluster = aws.ecs().createCluster(r -> r.clusterName("contract")).cluster().clusterArn();
    String revision =
        aws.ecs()
            .registerTaskDefinition(
                r ->
                    r.family("contract-report")
                        .memory("512")
                        .containerDefinitions(c -> c.name("report").image("report:1")))
            .taskDefinition()
            .taskDefinitionArn();
    target = new ScheduleTarget(cluster, revision);
  }

  @Override
  public ResourceAdapter<EcsScheduledTaskSpec, ScheduleState> adapter(AwsClientFactory aws) {
    this.aws = aws;
    return EcsScheduledTaskAdapter.of(
        aws,
        null,
        ID,
        target,
        List.of(),
        new TaskDefinitionCache(),
        new BatchedTaskDescriber(Duration.ZERO),
        Clock.systemUTC());
  }

  /** As the operator would write it for the owner the tags name; by hand without an owner. */
  @Override
  public void createOutsideTheOperator(AwsClients clients, Map<String, String> tags) {
    String owner = tags.get(ResourceRef.OWNER_TAG);
    Map<String, String> taskTags = new TreeMap<>(tags);
    String description = "made by hand";
    if (owner != null) {
      String[] namespaceName = owner.split("/");
      description =
          ScheduleOwnership.description(
              new ResourceRef(namespaceName[0], namespaceName[1], tags.get(ResourceRef.UID_TAG)));
      taskTags.put(ScheduleRequests.SCHEDULE_TAG, ID.toString());
    }
    String finalDescription = description;
    scheduler()
        .createSchedule(
            r ->
                r.name(ID.name())
                    .groupName(ID.group())
                    .description(finalDescription)
                    .scheduleExpression("rate(1 hour)")
                    .flexibleTimeWindow(w -> w.mode("OFF"))
                    .target(
                        t ->
                            t.arn(target.clusterArn())
                                .roleArn(ROLE)
                                .ecsParameters(
                                    e ->
                                        e.taskDefinitionArn(target.taskDefinitionArn())
                                            .tags(ScheduleTags.toAws(taskTags)))));
  }

  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients clients) {
    try {
      var schedule = scheduler().getSchedule(r -> r.groupName(ID.group()).name(ID.name()));
      Map<String, String> tags = new TreeMap<>(ScheduleOwnership.tagsOf(schedule.description()));
      tags.putAll(ScheduleTags.of(schedule.target().ecsParameters().tags()));
      tags.remove(ScheduleRequests.SCHEDULE_TAG);
      return Optional.of(tags);
    } catch (ResourceNotFoundException gone) {
      return Optional.empty();
    }
  }

  private SchedulerClient scheduler() {
    return aws.forRegion(null).scheduler();
  }
}

package io.ecsoperator.operator.scheduledtask;

import io.ecsoperator.crds.task.EcsScheduledTask;
import io.ecsoperator.crds.task.EcsScheduledTaskSpec;
import io.ecsoperator.crds.task.EcsScheduledTaskStatus;
import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.operator.account.PerAccount;
import io.ecsoperator.operator.capacityprovider.ProviderReferences;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.DependencyNotReadyException;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.operator.task.TemplateReferences;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.scheduledtask.ClusterArns;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleState;
import io.ecsoperator.reconcilers.scheduledtask.ScheduleTarget;
import io.ecsoperator.reconcilers.task.BatchedTaskDescriber;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.util.List;

/**
 * Reconciles EcsScheduledTask objects like the CronJob controller, except that EventBridge
 * Scheduler starts the runs: the operator keeps the schedule as the spec says (its target follows
 * the current revision of the task definition) and reports the runs it sees at each drift check.
 */
@ControllerConfiguration(name = "ecsscheduledtask")
public final class EcsScheduledTaskController
    extends ManagedResourceController<
        EcsScheduledTask, EcsScheduledTaskSpec, EcsScheduledTaskStatus, ScheduleState> {

  private final TemplateReferences references;
  private final TaskDefinitionCache definitions = new TaskDefinitionCache();
  private final PerAccount<BatchedTaskDescriber> describers;
  private ProviderReferences<EcsScheduledTask> providers;

  public EcsScheduledTaskController(ControllerWiring wiring) {
    super(wiring, EcsScheduledTaskStatus::new);
    this.references = new TemplateReferences(wiring.client());
    this.describers =
        new PerAccount<>(aws -> new BatchedTaskDescriber(wiring.settings().progressInterval()));
  }

  /** The EcsCapacityProvider objects of the strategy are watched: one going Ready is scheduled. */
  @Override
  protected List<EventSource<?, EcsScheduledTask>> kindEventSources(
      EventSourceContext<EcsScheduledTask> context) {
    providers = ProviderReferences.watch(context, ProviderReferences::of);
    return List.of(providers.eventSource());
  }

  @Override
  protected ResourceAdapter<EcsScheduledTaskSpec, ScheduleState> adapter(
      EcsScheduledTask resource) {
    var aws = aws(resource);
    ScheduleTarget target;
    try {
      target = target(resource, aws);
    } catch (DependencyNotReadyException missing) {
      if (resource.getMetadata().getDeletionTimestamp() == null) {
        throw missing;
      }
      // Deleting needs only the schedule's name, not what it runs.
      target = null;
    }
    return EcsScheduledTaskAdapters.forObject(
        aws, definitions, describers.of(aws), resource, target, Clock.systemUTC());
  }

  @Override
  protected void copyObserved(ScheduleState actual, EcsScheduledTaskStatus status) {
    status.arn = actual.arn();
    status.state = actual.state();
    status.taskDefinitionArn = actual.taskDefinitionArn();
    status.nextRunTime = actual.nextRunTime();
    status.recentRuns = actual.recentRuns();
  }

  private ScheduleTarget target(EcsScheduledTask resource, AwsClientFactory aws) {
    TaskTemplate task = resource.getSpec().task;
    String region = resource.getSpec().region;
    String cluster =
        task.clusterRef != null
            ? references.cluster(resource, task).getStatus().arn
            : ClusterArns.of(aws.forRegion(region), task.cluster)
                .orElseThrow(
                    () ->
                        new DependencyNotReadyException(
                            "cluster " + task.cluster + " does not exist in AWS"));
    return new ScheduleTarget(
        cluster,
        references.taskDefinitionArn(resource, aws.forRegion(region), task),
        providers.readyNames(resource));
  }
}

package io.ecsoperator.operator.task;

import io.ecsoperator.crds.task.EcsTask;
import io.ecsoperator.crds.task.EcsTaskSpec;
import io.ecsoperator.crds.task.EcsTaskStatus;
import io.ecsoperator.crds.task.TaskTemplate;
import io.ecsoperator.operator.account.PerAccount;
import io.ecsoperator.operator.capacityprovider.ProviderReferences;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.operator.controller.StatusConditions;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.task.BatchedTaskDescriber;
import io.ecsoperator.reconcilers.task.EcsTaskState;
import io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionCache;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles EcsTask objects like the Job controller: the engine runs the attempts; besides Ready /
 * Reconciling / Stalled the status carries Job's {@code Complete} or {@code Failed} condition, so
 * {@code kubectl wait --for=condition=Complete} works; a finished object with {@code
 * ttlSecondsAfterFinished} deletes itself that long after it finished.
 */
@ControllerConfiguration(name = "ecstask")
public final class EcsTaskController
    extends ManagedResourceController<EcsTask, EcsTaskSpec, EcsTaskStatus, EcsTaskState> {

  public static final String COMPLETE = "Complete";
  public static final String FAILED = "Failed";

  private final KubernetesClient client;
  private final TemplateReferences references;
  private final TaskDefinitionCache definitions = new TaskDefinitionCache();
  private final PerAccount<BatchedTaskDescriber> describers;
  private final Clock clock = Clock.systemUTC();
  private ProviderReferences<EcsTask> providers;

  public EcsTaskController(ControllerWiring wiring) {
    super(wiring, EcsTaskStatus::new);
    this.client = wiring.client();
    this.references = new TemplateReferences(client);
    // Running tasks are polled every progress interval: one DescribeTasks a round per cluster.
    this.describers =
        new PerAccount<>(aws -> new BatchedTaskDescriber(wiring.settings().progressInterval()));
  }

  /** The EcsCapacityProvider objects of the strategy are watched: one going Ready runs the task. */
  @Override
  protected List<EventSource<?, EcsTask>> kindEventSources(EventSourceContext<EcsTask> context) {
    providers = ProviderReferences.watch(context, ProviderReferences::of);
    return List.of(providers.eventSource());
  }

  @Override
  protected ResourceAdapter<EcsTaskSpec, EcsTaskState> adapter(EcsTask resource) {
    EcsTaskStatus status = resource.getStatus();
    var aws = aws(resource);
    boolean started = EcsTaskAdapters.pinnedCluster(status) != null;
    String cluster = started ? null : cluster(resource);
    String taskDefinition =
        EcsTaskAdapters.pinnedTaskDefinition(status) != null
            ? null
            : references.taskDefinitionArn(
                resource, aws.forRegion(resource.getSpec().region), resource.getSpec().task);
    // A first attempt waits for its providers; later ones run on them, Ready or not, and deleting
    // does not wait for them.
    ProviderNames names =
        started || resource.isMarkedForDeletion()
            ? providers.knownNames(resource)
            : providers.readyNames(resource);
    return EcsTaskAdapters.forObject(
        aws,
        definitions,
        describers.of(aws),
        resource,
        ref(resource),
        cluster,
        taskDefinition,
        names,
        clock);
  }

  @Override
  protected void copyObserved(EcsTaskState actual, EcsTaskStatus status) {
    copyObserved(null, actual, status, null);
  }

  @Override
  protected void copyObserved(
      EcsTask resource, EcsTaskState actual, EcsTaskStatus status, EcsTaskStatus previous) {
    TaskStatusMapping.copy(actual, status, previous, clock);
  }

  /** Complete or Failed, as a Job's, once the verdict is final. */
  @Override
  protected void addConditions(EcsTaskStatus next, EcsTaskStatus previous, long generation) {
    if (next.completionTime == null) {
      return;
    }
    var ready = StatusConditions.ready(next);
    boolean complete = ready != null && "True".equals(ready.status);
    next.conditions.add(
        conditions.trueCondition(
            previous, complete ? COMPLETE : FAILED, ready.reason, ready.message, generation));
  }

  @Override
  public UpdateControl<EcsTask> reconcile(EcsTask resource, Context<EcsTask> context) {
    UpdateControl<EcsTask> control = super.reconcile(resource, context);
    Optional<Duration> left = TaskStatusMapping.ttlLeft(resource, clock);
    if (left.isEmpty()) {
      return control;
    }
    if (left.get().isZero()) {
      client.resource(resource).delete();
      return UpdateControl.noUpdate();
    }
    return control.rescheduleAfter(left.get());
  }

  private String cluster(EcsTask resource) {
    TaskTemplate task = resource.getSpec().task;
    return task.clusterRef == null
        ? task.cluster
        : references.cluster(resource, task).clusterName();
  }
}

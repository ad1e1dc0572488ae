package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.operator.OperatorSettings;
import io.ecsoperator.reconcilers.engine.ClassifiedError;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.ErrorClassifier;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.Json;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin JOSDK layer every kind shares: runs the engine, turns its outcome into the status
 * contract and events, schedules the next check (soon while work is in progress, else the next
 * drift check of the object's group, see {@link DriftCheckSchedule}), and drives deletion behind
 * the finalizer. A kind only says how to build its adapter and which status fields the AWS resource
 * fills.
 *
 * @param <R> the custom resource
 * @param <S> its spec
 * @param <T> its status
 * @param <A> the kind's model of the AWS resource
 */
public abstract class ManagedResourceController<
        R extends CustomResource<S, T>, S extends ManagedSpec, T extends ManagedStatus, A>
    implements Reconciler<R>, Cleaner<R> {

  private static final Logger LOG = LoggerFactory.getLogger(ManagedResourceController.class);

  /** Reason of an object waiting for another it refers to. */
  public static final String WAITING_FOR_DEPENDENCY = "WaitingForDependency";

  private final StatusConditions conditions;
  private final EventRecorder events;
  private final OperatorSettings settings;
  private ReconcileMetrics metrics = ReconcileMetrics.NONE;

  protected ManagedResourceController(
      StatusConditions conditions, EventRecorder events, OperatorSettings settings) {
    this.conditions = conditions;
    this.events = events;
    this.settings = settings;
  }

  /**
   * The adapter for this object (its AWS name and region come from the object).
   *
   * @throws DependencyNotReadyException when the object refers to another object that is missing or
   *     not Ready: the object then waits for it
   */
  protected abstract ResourceAdapter<S, A> adapter(R resource);

  protected abstract T newStatus();

  /** Copies the kind's status fields (ARN, URI...) from the AWS resource. */
  protected abstract void copyObserved(A actual, T status);

  /**
   * As {@link #copyObserved(Object, ManagedStatus)}, for kinds whose status keeps what AWS was not
   * asked this time (the previous status; null if none).
   */
  protected void copyObserved(A actual, T status, T previous) {
    copyObserved(actual, status);
  }

  /**
   * The objects whose drift checks happen together ({@link DriftCheckSchedule}): by default each
   * object on its own. A kind whose reads batch several objects groups them by what one call can
   * read.
   */
  protected String driftCheckGroup(R resource) {
    return DriftCheckSchedule.ownGroup(resource);
  }

  /** Where reconciles are reported; set once, before the operator starts. */
  public void reportTo(ReconcileMetrics reconcileMetrics) {
    this.metrics = reconcileMetrics;
  }

  @Override
  public UpdateControl<R> reconcile(R resource, Context<R> context) {
    long started = System.nanoTime();
    String result = "error";
    try {
      ReconcileOutcome<A> outcome = runEngine(resource);
      result = lowerCase(outcome.state());
      return toControl(resource, outcome);
    } finally {
      metrics.reconciled(resource.getKind(), "reconcile", result, since(started));
    }
  }

  private ReconcileOutcome<A> runEngine(R resource) {
    T previous = resource.getStatus();
    long generation = resource.getMetadata().getGeneration();
    boolean seenBefore =
        previous != null && Objects.equals(previous.observedGeneration, generation);
    ResourceAdapter<S, A> adapter;
    try {
      adapter = adapter(resource);
    } catch (DependencyNotReadyException waiting) {
      return ReconcileOutcome.of(
          ReconcileOutcome.State.PROGRESSING, WAITING_FOR_DEPENDENCY, waiting.getMessage(), null);
    }
    return ReconcileEngine.reconcile(adapter, ref(resource), resource.getSpec(), seenBefore);
  }

  private UpdateControl<R> toControl(R resource, ReconcileOutcome<A> outcome) {
    T previous = resource.getStatus();
    long generation = resource.getMetadata().getGeneration();
    if (outcome.state() == ReconcileOutcome.State.RETRYING) {
      throw new RetryableReconcileException(outcome);
    }
    T next = nextStatus(previous, outcome, generation);
    recordNotices(resource, previous, next, outcome.notices());
    UpdateControl<R> control = patchIfChanged(resource, previous, next);
    return control.rescheduleAfter(
        outcome.state() == ReconcileOutcome.State.PROGRESSING
            ? settings.progressInterval()
            : DriftCheckSchedule.untilNext(
                Instant.now(), settings.resyncInterval(), driftCheckGroup(resource)));
  }

  @Override
  public ErrorStatusUpdateControl<R> updateErrorStatus(
      R resource, Context<R> context, Exception e) {
    Throwable cause = unwrapped(e);
    ReconcileOutcome<?> outcome =
        cause instanceof RetryableReconcileException retryable ? retryable.outcome() : null;
    ClassifiedError error =
        outcome != null
            ? new ClassifiedError(true, outcome.reason(), outcome.message())
            : ErrorClassifier.classify(cause);
    LOG.info(
        "{} {}: retrying after {}: {}",
        resource.getKind(),
        ref(resource),
        error.reason(),
        error.message());
    T previous = resource.getStatus();
    T next = statusKeepingObserved(resource, Phase.RECONCILING, error.reason(), error.message());
    if (sameStatus(previous, next)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    resource.setStatus(next);
    return ErrorStatusUpdateControl.patchStatus(resource);
  }

  @Override
  public DeleteControl cleanup(R resource, Context<R> context) {
    long started = System.nanoTime();
    String result = "error";
    try {
      DeleteOutcome outcome;
      try {
        outcome = ReconcileEngine.delete(adapter(resource), ref(resource), resource.getSpec());
      } catch (DependencyNotReadyException waiting) {
        outcome = DeleteOutcome.waiting(WAITING_FOR_DEPENDENCY, waiting.getMessage());
      }
      result = lowerCase(outcome.progress());
      return toDeleteControl(resource, context, outcome);
    } finally {
      metrics.reconciled(resource.getKind(), "delete", result, since(started));
    }
  }

  private DeleteControl toDeleteControl(R resource, Context<R> context, DeleteOutcome outcome) {
    switch (outcome.progress()) {
      case DONE:
        events.record(resource, Notice.normal(outcome.reason(), outcome.message()));
        return DeleteControl.defaultDelete();
      case WAITING:
        writeDeletionStatus(resource, context, Phase.RECONCILING, outcome);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(settings.progressInterval());
      default:
        events.record(resource, Notice.warning(outcome.reason(), outcome.message()));
        writeDeletionStatus(resource, context, Phase.STALLED, outcome);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(settings.resyncInterval());
    }
  }

  private void writeDeletionStatus(
      R resource, Context<R> context, Phase phase, DeleteOutcome outcome) {
    T previous = resource.getStatus();
    T next = statusKeepingObserved(resource, phase, outcome.reason(), outcome.message());
    if (!sameStatus(previous, next)) {
      resource.setStatus(next);
      context.getClient().resource(resource).patchStatus();
    }
  }

  /** A status for when AWS was not read this time: the last observed fields stay. */
  private T statusKeepingObserved(R resource, Phase phase, String reason, String message) {
    T previous = resource.getStatus();
    T next = ObservedStatus.kept(previous, this::newStatus);
    conditions.apply(
        previous, next, resource.getMetadata().getGeneration(), phase, reason, message);
    return next;
  }

  private T nextStatus(T previous, ReconcileOutcome<A> outcome, long generation) {
    T next;
    if (outcome.actual() != null) {
      next = newStatus();
      copyObserved(outcome.actual(), next, previous);
    } else {
      next = ObservedStatus.kept(previous, this::newStatus);
    }
    Phase phase =
        switch (outcome.state()) {
          case READY -> Phase.READY;
          case PROGRESSING, RETRYING -> Phase.RECONCILING;
          case STALLED -> Phase.STALLED;
          case DRIFTED -> Phase.NOT_READY;
        };
    conditions.apply(previous, next, generation, phase, outcome.reason(), outcome.message());
    next.drift = StatusConditions.drift(outcome.drift());
    return next;
  }

  /** Events for what happened; drift is reported once per change of the drifted fields. */
  private void recordNotices(R resource, T previous, T next, List<Notice> notices) {
    boolean driftChanged =
        previous == null || !Json.toTree(previous.drift).equals(Json.toTree(next.drift));
    for (Notice notice : notices) {
      if (!notice.reason().equals("DriftDetected") || driftChanged) {
        events.record(resource, notice);
      }
      if (notice.reason().equals("DriftCorrected")) {
        metrics.driftCorrected(resource.getKind());
      }
    }
  }

  private UpdateControl<R> patchIfChanged(R resource, T previous, T next) {
    if (sameStatus(previous, next)) {
      return UpdateControl.noUpdate();
    }
    resource.setStatus(next);
    return UpdateControl.patchStatus(resource);
  }

  private static boolean sameStatus(ManagedStatus previous, ManagedStatus next) {
    return previous != null && Json.toTree(previous).equals(Json.toTree(next));
  }

  /**
   * What the reconcile threw: JOSDK's Micrometer metrics hand it over wrapped in an
   * OperatorException.
   */
  private static Throwable unwrapped(Exception e) {
    Throwable cause = e;
    while (cause instanceof OperatorException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String lowerCase(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  protected static ResourceRef ref(CustomResource<?, ?> resource) {
    var meta = resource.getMetadata();
    return new ResourceRef(meta.getNamespace(), meta.getName(), meta.getUid());
  }
}

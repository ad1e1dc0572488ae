package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.crds.common.RegistryWide;
import io.ecsoperator.operator.account.AccountEvents;
import io.ecsoperator.operator.settings.OperatorSettings;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
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
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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

  private final ObjectAccounts accounts;
  protected final OperatorSettings settings;
  protected final StatusConditions conditions;
  private final StatusWriter<R, T> status;
  private final EventRecorder events;
  private ReconcileMetrics metrics = ReconcileMetrics.NONE;

  /**
   * @param newStatus makes an empty status of the kind
   */
  protected ManagedResourceController(ControllerWiring wiring, Supplier<T> newStatus) {
    this.conditions = wiring.conditions();
    this.status = new StatusWriter<>(newStatus, wiring.conditions());
    this.accounts = new ObjectAccounts(wiring.accounts());
    this.settings = wiring.settings();
    this.events = wiring.events();
  }

  /**
   * The AWS clients of the account the object acts in (issue 13 §1): the AwsAccount it names or its
   * namespace is bound to, else the operator's own. Drift-check groups, batched readers and caches
   * are kept per account, so objects of different accounts never share them.
   *
   * @throws DependencyNotReadyException while the account is missing or not verified yet
   * @throws AccountRefusedException when the object may not act in it
   */
  protected final AwsClientFactory aws(R resource) {
    return accounts.clients(resource);
  }

  /**
   * The AWS clients of the object's account, when it may act there now; empty when it may not (an
   * object released without its account, say).
   */
  protected final Optional<AwsClientFactory> reachableAws(R resource) {
    return accounts.reachable(resource);
  }

  /** The region of the object's AWS resource: its spec's, else its account's default. */
  protected final String region(R resource) {
    String named = resource.getSpec().region;
    return named != null ? named : accounts.defaultRegion(resource);
  }

  /**
   * The kind's event sources: the objects it refers to, say. The changes of AWS accounts are
   * watched for every kind.
   */
  protected List<EventSource<?, R>> kindEventSources(EventSourceContext<R> context) {
    return List.of();
  }

  @Override
  public final List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
    List<EventSource<?, R>> sources = new ArrayList<>(kindEventSources(context));
    sources.add(AccountEvents.of(accounts.all(), context));
    return sources;
  }

  /**
   * The adapter for this object (its AWS name and region come from the object).
   *
   * @throws DependencyNotReadyException when the object refers to another object that is missing or
   *     not Ready: the object then waits for it
   */
  protected abstract ResourceAdapter<S, A> adapter(R resource);

  /** Copies the kind's status fields (ARN, URI...) from the AWS resource. */
  protected abstract void copyObserved(A actual, T status);

  /**
   * As {@link #copyObserved(Object, ManagedStatus)}, for kinds whose status keeps what AWS was not
   * asked this time (the previous status of {@code resource}; null if none).
   */
  protected void copyObserved(R resource, A actual, T status, T previous) {
    copyObserved(actual, status);
  }

  /**
   * Adds the kind's own conditions after the status contract's (Ready, Reconciling, Stalled) are
   * set; none by default.
   */
  protected void addConditions(T next, T previous, long generation) {}

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
      String owner = otherOwner(resource, context);
      ReconcileOutcome<A> outcome =
          owner == null
              ? runEngine(resource)
              : ReconcileOutcome.of(
                  ReconcileOutcome.State.STALLED,
                  RegistrySettingOwners.OWNED_BY_OTHER,
                  RegistrySettingOwners.message(resource, owner, accounts.registryOf(resource)),
                  null);
      result = lowerCase(outcome.state());
      return toControl(resource, context, outcome);
    } finally {
      metrics.reconciled(resource.getKind(), "reconcile", result, since(started));
    }
  }

  /**
   * Whether this generation of the spec was reconciled before. The status is the last one written
   * by this process even before the informer has it (see {@link StatusWriter}).
   */
  protected final boolean seenBefore(R resource) {
    T status = resource.getStatus();
    return status != null
        && Objects.equals(status.observedGeneration, resource.getMetadata().getGeneration());
  }

  /**
   * The object owning the registry-wide setting this object declares, when it is another one (see
   * {@link RegistrySettingOwners}); null for every other kind.
   */
  private String otherOwner(R resource, Context<R> context) {
    if (!(resource.getSpec() instanceof RegistryWide)) {
      return null;
    }
    return RegistrySettingOwners.otherOwner(
        resource, context.getPrimaryCache().list(), accounts::registryOf);
  }

  private ReconcileOutcome<A> runEngine(R resource) {
    Optional<ReconcileOutcome<A>> blocked = accounts.blocking(resource);
    if (blocked.isPresent()) {
      return blocked.get();
    }
    ResourceAdapter<S, A> adapter;
    try {
      adapter = adapter(resource);
    } catch (DependencyNotReadyException waiting) {
      return DependencyWait.outcome(
          observerWhileWaiting(resource), ref(resource), resource.getSpec(), waiting);
    }
    return ReconcileEngine.reconcile(
        adapter, ref(resource), resource.getSpec(), seenBefore(resource));
  }

  /**
   * An adapter that reads the object's AWS resource with what is known while a dependency is not
   * ready, to tell whether the object's own name is blocked too; null (the default) when the kind
   * cannot read it without the dependency.
   */
  protected ResourceAdapter<S, A> observerWhileWaiting(R resource) {
    return null;
  }

  private UpdateControl<R> toControl(R resource, Context<R> context, ReconcileOutcome<A> outcome) {
    if (outcome.state() == ReconcileOutcome.State.RETRYING) {
      throw new RetryableReconcileException(outcome);
    }
    T previous = resource.getStatus();
    T next =
        status.next(
            resource,
            outcome,
            (actual, observed) -> {
              copyObserved(resource, actual, observed, previous);
              observed.awsAccount = accounts.acting(resource);
            });
    addConditions(next, previous, resource.getMetadata().getGeneration());
    recordNotices(resource, resource.getStatus(), next, outcome.notices());
    status.writeIfChanged(resource, context, next);
    return UpdateControl.<R>noUpdate().rescheduleAfter(nextCheck(resource, outcome));
  }

  /** When to reconcile the object again after this outcome. */
  private Duration nextCheck(R resource, ReconcileOutcome<A> outcome) {
    if (outcome.checkAgainIn() != null) {
      // Its turn under the rate limit: the thread is free for others meanwhile.
      return outcome.checkAgainIn();
    }
    // An object waiting for objects it refers to is woken by their change (they are watched), so
    // the drift check is only its backstop: polling would reread AWS for every waiting object,
    // e.g. hundreds of services whose task definitions queue for registration tokens. One waiting
    // for the owner of its registry setting to go takes over soon after, not at the drift check.
    boolean watched = DependencyWait.WAITING_FOR_DEPENDENCY.equals(outcome.reason());
    boolean inProgress = outcome.state() == ReconcileOutcome.State.PROGRESSING && !watched;
    if (inProgress || RegistrySettingOwners.OWNED_BY_OTHER.equals(outcome.reason())) {
      return settings.progressInterval();
    }
    return DriftCheckSchedule.untilNext(
        Instant.now(),
        settings.resyncInterval(),
        accounts.driftGroup(resource, driftCheckGroup(resource)));
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
    T next = status.keepingObserved(resource, Phase.RECONCILING, error.reason(), error.message());
    if (StatusWriter.same(resource.getStatus(), next)) {
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
      String owner = otherOwner(resource, context);
      try {
        outcome =
            owner != null
                ? new DeleteOutcome(
                    DeleteOutcome.Progress.DONE,
                    "NotOwned",
                    "the registry setting is owned by " + owner + "; left in AWS")
                : accounts
                    .blockingDelete(resource)
                    .orElseGet(
                        () ->
                            ReconcileEngine.delete(
                                adapter(resource), ref(resource), resource.getSpec()));
      } catch (DependencyNotReadyException waiting) {
        outcome =
            DeleteOutcome.waiting(DependencyWait.WAITING_FOR_DEPENDENCY, waiting.getMessage());
      } catch (AccountRefusedException refused) {
        outcome = AccountDeletion.outcome(resource, refused);
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
        return DeleteControl.noFinalizerRemoval()
            .rescheduleAfter(
                outcome.checkAgainIn() != null
                    ? outcome.checkAgainIn()
                    : settings.progressInterval());
      default:
        events.record(resource, Notice.warning(outcome.reason(), outcome.message()));
        writeDeletionStatus(resource, context, Phase.STALLED, outcome);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(settings.resyncInterval());
    }
  }

  private void writeDeletionStatus(
      R resource, Context<R> context, Phase phase, DeleteOutcome outcome) {
    status.writeIfChanged(
        resource,
        context,
        status.keepingObserved(resource, phase, outcome.reason(), outcome.message()));
  }

  /**
   * Events for what happened; drift is reported once per change of the drifted fields, and what AWS
   * did not keep once per change of the Ready message that carries it.
   */
  private void recordNotices(R resource, T previous, T next, List<Notice> notices) {
    boolean driftChanged =
        previous == null || !Json.toTree(previous.drift).equals(Json.toTree(next.drift));
    boolean readyMessageChanged = !Objects.equals(readyMessage(previous), readyMessage(next));
    for (Notice notice : notices) {
      boolean repeated =
          notice.reason().equals("DriftDetected") && !driftChanged
              || notice.reason().equals(ReconcileEngine.NOT_KEPT) && !readyMessageChanged;
      if (!repeated) {
        events.record(resource, notice);
      }
      if (notice.reason().equals("DriftCorrected")) {
        metrics.driftCorrected(resource.getKind());
      }
    }
  }

  private static String readyMessage(ManagedStatus status) {
    var ready = StatusConditions.ready(status);
    return ready == null ? null : ready.message;
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

  /** The object, as the ownership tags of its AWS resources name it. */
  protected ResourceRef ref(R resource) {
    var meta = resource.getMetadata();
    return new ResourceRef(
        meta.getNamespace(),
        meta.getName(),
        meta.getUid(),
        settings.installation(),
        accounts.acting(resource));
  }
}

package io.ecsoperator.operator.cli.apply;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.operator.account.AccountClients;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.cli.manifest.Manifest;
import io.ecsoperator.operator.cli.manifest.ResourceGraph;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ClassifiedError;
import io.ecsoperator.reconcilers.engine.ErrorClassifier;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Apply without a cluster: the engine reconciles each object once, in dependency order, the way the
 * operator would; then objects still settling are reconciled again until they are Ready, stalled,
 * or the time is up. A stop request ends it between AWS calls.
 */
public final class Applier {

  /** Told about every change of an object's state. */
  public interface Progress {
    void update(Manifest<?, ?, ?> manifest, ObjectStatus status);

    /** What AWS has for the object after each of its reconciles (its adapter's state). */
    default void observed(Manifest<?, ?, ?> manifest, Object actual) {}
  }

  /** The end of an apply. */
  public record Result(
      Map<Manifest<?, ?, ?>, ObjectStatus> statuses, boolean timedOut, boolean interrupted) {

    /** Every object settled well; with waiting, every object is Ready (or observed). */
    public boolean succeeded(boolean waited) {
      return !timedOut
          && !interrupted
          && statuses.values().stream()
              .allMatch(
                  s ->
                      waited
                          ? s.state() == ObjectState.READY || s.state() == ObjectState.OBSERVED
                          : !s.state().failed()
                              && s.state() != ObjectState.RETRYING
                              && s.state() != ObjectState.WAITING);
    }
  }

  /** The message of an object whose turn has not come. */
  public static final String NOT_YET = "its turn has not come";

  private final AccountClients accounts;
  private final StopSignal stop;
  private final Progress progress;
  private final Duration pollInterval;
  private final Clock clock;
  private final Map<Manifest<?, ?, ?>, ObjectStatus> statuses = new LinkedHashMap<>();
  private final Map<Manifest<?, ?, ?>, ResolvedReferences.Target> applied = new IdentityHashMap<>();

  /**
   * @param accounts the caller's clients, and those of the AwsAccounts objects name
   */
  public Applier(
      AccountClients accounts,
      StopSignal stop,
      Progress progress,
      Duration pollInterval,
      Clock clock) {
    this.accounts = accounts;
    this.stop = stop;
    this.progress = progress;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  /**
   * @param timeout how long to wait for Ready; null to apply once and not wait
   */
  public Result apply(ResourceGraph graph, Duration timeout) throws InterruptedException {
    // Not reported: the progress views start from this state themselves.
    graph.ordered().forEach(m -> statuses.put(m, ObjectStatus.waiting(NOT_YET)));
    pass(graph);
    boolean timedOut = false;
    if (timeout != null) {
      Instant deadline = clock.instant().plus(timeout);
      while (!stop.requested() && unsettled()) {
        if (!clock.instant().isBefore(deadline)) {
          timedOut = true;
          break;
        }
        if (stop.await(pollInterval)) {
          break;
        }
        pass(graph);
      }
    }
    if (stop.requested()) {
      statuses.forEach(
          (m, s) -> {
            if (s.state() == ObjectState.WAITING) {
              set(
                  m,
                  new ObjectStatus(ObjectState.NOT_STARTED, null, "stopped before its turn", null));
            }
          });
    }
    return new Result(Map.copyOf(statuses), timedOut, stop.requested());
  }

  private boolean unsettled() {
    return statuses.values().stream().anyMatch(s -> !s.state().settled());
  }

  /** Reconciles every object that is not settled and whose references allow it. */
  private void pass(ResourceGraph graph) {
    for (Manifest<?, ?, ?> manifest : graph.ordered()) {
      if (stop.requested()) {
        return;
      }
      if (statuses.get(manifest).state().settled()) {
        continue;
      }
      List<Manifest<?, ?, ?>> dependencies = graph.dependencies(manifest);
      String failed = names(dependencies, s -> s.state().failed());
      if (!failed.isEmpty()) {
        set(manifest, new ObjectStatus(ObjectState.SKIPPED, null, "not applied: " + failed, null));
        continue;
      }
      String notYet =
          names(
              dependencies,
              s -> s.state() == ObjectState.WAITING || s.state() == ObjectState.RETRYING);
      if (!notYet.isEmpty()) {
        set(manifest, ObjectStatus.waiting("waits for " + notYet));
        continue;
      }
      reconcile(manifest, graph);
    }
  }

  private <R extends CustomResource<S, ?>, S extends ManagedSpec, A> void reconcile(
      Manifest<R, S, A> manifest, ResourceGraph graph) {
    ResourceAdapter<S, A> adapter;
    try {
      adapter =
          manifest.adapter(
              accounts.of(graph.account(manifest)), graph.resolve(manifest, applied::get));
    } catch (RuntimeException unresolvable) {
      // Its references could not be turned into AWS names, e.g. a task definition AWS lacks.
      ClassifiedError error = ErrorClassifier.classify(unresolvable);
      set(
          manifest,
          new ObjectStatus(
              error.retryable() ? ObjectState.RETRYING : ObjectState.STALLED,
              error.reason(),
              error.message(),
              null));
      return;
    }
    ReconcileOutcome<A> outcome =
        ReconcileEngine.reconcile(adapter, manifest.ref(), manifest.spec(), false);
    if (outcome.actual() != null) {
      applied.put(
          manifest,
          new ResolvedReferences.Target(manifest.resource(), outcome.actual(), ChangeSet.NONE));
      progress.observed(manifest, outcome.actual());
    }
    ObjectState state =
        switch (outcome.state()) {
          case READY -> ObjectState.READY;
          case PROGRESSING -> ObjectState.RECONCILING;
          case RETRYING -> ObjectState.RETRYING;
          case STALLED -> ObjectState.STALLED;
          case DRIFTED -> ObjectState.OBSERVED;
        };
    String message =
        state == ObjectState.READY && !outcome.notices().isEmpty()
            ? outcome.notices().stream().map(Notice::message).collect(Collectors.joining("; "))
            : outcome.message();
    String reason = state == ObjectState.READY ? null : outcome.reason();
    String arn = outcome.actual() == null ? null : manifest.kind().arn(outcome.actual());
    set(manifest, new ObjectStatus(state, reason, message, arn));
  }

  private String names(List<Manifest<?, ?, ?>> manifests, Predicate<ObjectStatus> which) {
    return manifests.stream()
        .filter(m -> which.test(statuses.get(m)))
        .map(m -> m.id() + " (" + statuses.get(m).state().label() + ")")
        .collect(Collectors.joining(", "));
  }

  private void set(Manifest<?, ?, ?> manifest, ObjectStatus status) {
    if (!status.equals(statuses.put(manifest, status))) {
      progress.update(manifest, status);
    }
  }
}

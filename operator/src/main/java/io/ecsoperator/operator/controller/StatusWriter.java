package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ConditionedStatus;
import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.json.Json;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Makes an object's next status from a reconcile's outcome (the status contract, DESIGN §5) and
 * writes it when it changed.
 *
 * @param <R> the custom resource
 * @param <T> its status
 */
public final class StatusWriter<R extends CustomResource<?, T>, T extends ConditionedStatus> {

  private final Supplier<T> newStatus;
  private final StatusConditions conditions;

  public StatusWriter(Supplier<T> newStatus, StatusConditions conditions) {
    this.newStatus = newStatus;
    this.conditions = conditions;
  }

  /**
   * The status after a reconcile: the kind's fields from the AWS resource when it was read, else
   * the last observed ones; conditions and drift from the outcome.
   */
  public <A> T next(R resource, ReconcileOutcome<A> outcome, BiConsumer<A, T> copyObserved) {
    T previous = resource.getStatus();
    T next;
    if (outcome.actual() != null) {
      next = newStatus.get();
      copyObserved.accept(outcome.actual(), next);
    } else {
      next = ObservedStatus.kept(previous, newStatus);
    }
    Phase phase =
        switch (outcome.state()) {
          case READY -> Phase.READY;
          case PROGRESSING, RETRYING -> Phase.RECONCILING;
          case STALLED -> Phase.STALLED;
          case DRIFTED -> Phase.NOT_READY;
        };
    conditions.apply(
        previous,
        next,
        resource.getMetadata().getGeneration(),
        phase,
        outcome.reason(),
        outcome.message());
    if (next instanceof ManagedStatus managed) {
      managed.drift = StatusConditions.drift(outcome.drift());
    }
    return next;
  }

  /** A status for when AWS was not read this time: the last observed fields stay. */
  public T keepingObserved(R resource, Phase phase, String reason, String message) {
    T previous = resource.getStatus();
    T next = ObservedStatus.kept(previous, newStatus);
    conditions.apply(
        previous, next, resource.getMetadata().getGeneration(), phase, reason, message);
    return next;
  }

  public void writeIfChanged(R resource, Context<R> context, T next) {
    if (!same(resource.getStatus(), next)) {
      write(resource, context, next);
    }
  }

  /**
   * Writes the status by server-side apply and keeps the written object in JOSDK's cache, so the
   * next reconcile reads this status even before the informer has it. A write that conflicts with
   * another write of the object is retried on the newer object: what this reconcile learnt (the ARN
   * of a scalable target just registered, say) is never lost with a failed write.
   */
  private void write(R resource, Context<R> context, T status) {
    PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(
        resource, statusOnly(resource, status), context);
    resource.setStatus(status);
  }

  /**
   * The object to apply: its name and namespace with the status, nothing the status does not own.
   */
  @SuppressWarnings("unchecked")
  static <R extends CustomResource<?, T>, T> R statusOnly(R resource, T status) {
    try {
      R applied = (R) resource.getClass().getConstructor().newInstance();
      applied.setMetadata(
          new ObjectMetaBuilder()
              .withName(resource.getMetadata().getName())
              .withNamespace(resource.getMetadata().getNamespace())
              .build());
      applied.setStatus(status);
      return applied;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(resource.getKind() + " needs a public no-arg constructor", e);
    }
  }

  static boolean same(ConditionedStatus previous, ConditionedStatus next) {
    return previous != null && Json.toTree(previous).equals(Json.toTree(next));
  }
}

package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ConditionedStatus;
import io.ecsoperator.crds.common.DriftedField;
import io.ecsoperator.crds.common.StatusCondition;
import io.ecsoperator.reconcilers.engine.FieldChange;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the status contract (DESIGN §5) into a status object: Ready always present, Reconciling
 * and Stalled only when true, observedGeneration on the status and on each condition, and a
 * condition's lastTransitionTime kept unless its status flips, so a no-op reconcile changes nothing
 * (R10).
 */
public final class StatusConditions {

  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";

  private final Clock clock;

  public StatusConditions(Clock clock) {
    this.clock = clock;
  }

  /** Fills {@code next} from the phase, carrying transition times over from {@code previous}. */
  void apply(
      ConditionedStatus previous,
      ConditionedStatus next,
      long generation,
      Phase phase,
      String reason,
      String message) {
    next.observedGeneration = generation;
    List<StatusCondition> old = previous == null ? List.of() : previous.conditions;
    List<StatusCondition> conditions = new ArrayList<>();
    boolean ready = phase == Phase.READY;
    conditions.add(condition(old, READY, ready, reason, message, generation));
    if (phase == Phase.RECONCILING) {
      conditions.add(condition(old, RECONCILING, true, reason, message, generation));
    }
    if (phase == Phase.STALLED) {
      conditions.add(condition(old, STALLED, true, reason, message, generation));
    }
    next.conditions = conditions;
  }

  /**
   * A True condition beside the status contract's (e.g. a one-off task's Complete or Failed), its
   * transition time kept from {@code previous}.
   */
  public StatusCondition trueCondition(
      ConditionedStatus previous, String type, String reason, String message, long generation) {
    List<StatusCondition> old = previous == null ? List.of() : previous.conditions;
    return condition(old, type, true, reason, message, generation);
  }

  /** The status's Ready condition; null when there is none (or no status). */
  public static StatusCondition ready(ConditionedStatus status) {
    return named(status, READY);
  }

  /** The status's Stalled condition; null when there is none (or no status). */
  public static StatusCondition stalled(ConditionedStatus status) {
    return named(status, STALLED);
  }

  private static StatusCondition named(ConditionedStatus status, String type) {
    return status == null
        ? null
        : status.conditions.stream().filter(c -> type.equals(c.type)).findFirst().orElse(null);
  }

  static List<DriftedField> drift(List<FieldChange> changes) {
    return changes.stream()
        .map(
            c ->
                new DriftedField(c.path(), String.valueOf(c.desired()), String.valueOf(c.actual())))
        .toList();
  }

  private StatusCondition condition(
      List<StatusCondition> old,
      String type,
      boolean status,
      String reason,
      String message,
      long generation) {
    String value = status ? "True" : "False";
    String transition =
        old.stream()
            .filter(c -> type.equals(c.type) && value.equals(c.status))
            .map(c -> c.lastTransitionTime)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    return new StatusCondition(type, value, reason, message, generation, transition);
  }
}

package io.ecsoperator.operator.cli.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.Decision;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.engine.Observation;
import java.util.List;
import java.util.Locale;

/**
 * The plan for one object.
 *
 * @param kind the object's kind
 * @param namespace its namespace
 * @param name its name
 * @param aws the AWS resource in words, e.g. {@code repository shop/web}
 * @param region the AWS region it lives in
 * @param action what apply would do
 * @param adopt whether apply would first take over the unowned resource (spec.adopt: true)
 * @param reason CamelCase reason when blocked or failed
 * @param message why, when blocked or failed
 * @param changes the fields that differ, AWS's value then the spec's
 * @param warnings what the user should know that apply will not change, e.g. fields AWS did not
 *     keep as sent
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PlanEntry(
    String kind,
    String namespace,
    String name,
    String aws,
    String region,
    PlanAction action,
    boolean adopt,
    String reason,
    String message,
    List<Change> changes,
    List<String> warnings) {

  /** One field that differs, as plan shows it. */
  public record Change(String path, Object actual, Object desired, String strategy) {
    static Change of(FieldChange change) {
      return new Change(
          change.path(),
          change.actual(),
          change.desired(),
          change.strategy().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
  }

  public PlanEntry {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  /** The entry for what observe found, following the engine's own decision. */
  static PlanEntry of(Identity identity, Decision decision, Observation<?> observation) {
    List<FieldChange> changes = observation.changes().changes();
    PlanAction action =
        switch (decision.action()) {
          case OBSERVE ->
              !observation.exists()
                  ? PlanAction.MISSING
                  : changes.isEmpty() ? PlanAction.NO_CHANGE : PlanAction.DRIFT;
          case CREATE -> PlanAction.CREATE;
          case BLOCKED -> PlanAction.BLOCKED;
          case NONE -> PlanAction.NO_CHANGE;
          case UPDATE ->
              observation.changes().hasAny(ChangeStrategy.NEW_REVISION)
                  ? PlanAction.NEW_REVISION
                  : PlanAction.UPDATE;
        };
    PlanEntry entry =
        identity.entry(
            action,
            decision.adopt(),
            decision.reason(),
            decision.message(),
            changes.stream().map(Change::of).toList());
    return observation.notKept().isEmpty()
        ? entry
        : entry.withWarnings(List.of(observation.notKeptMessage()));
  }

  private PlanEntry withWarnings(List<String> more) {
    return new PlanEntry(
        kind, namespace, name, aws, region, action, adopt, reason, message, changes, more);
  }

  /** Who the entry is about. */
  record Identity(String kind, String namespace, String name, String aws, String region) {
    PlanEntry entry(
        PlanAction action, boolean adopt, String reason, String message, List<Change> changes) {
      return new PlanEntry(
          kind, namespace, name, aws, region, action, adopt, reason, message, changes, List.of());
    }
  }
}

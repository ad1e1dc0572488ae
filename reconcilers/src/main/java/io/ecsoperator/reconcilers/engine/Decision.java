package io.ecsoperator.reconcilers.engine;

import io.ecsoperator.crds.common.ManagedSpec;

/**
 * What a reconcile will do with what observe found: a pure function of the spec and the
 * observation, shared by the engine (which then does it) and the CLI's plan (which only shows it),
 * so a plan never promises something apply would not do.
 *
 * @param action the step to take
 * @param adopt whether the ownership tags are written first: an unowned resource taken over
 *     (spec.adopt: true), or this object's resource claimed by this operator installation
 * @param reason CamelCase reason when blocked, else null
 * @param message why it is blocked, else null
 */
public record Decision(Action action, boolean adopt, String reason, String message) {

  /** The step a reconcile takes. */
  public enum Action {
    /** ObserveOnly: read and report, never write. */
    OBSERVE,
    /** Nothing in AWS yet. */
    CREATE,
    /** AWS differs from the spec in fields an update can change. */
    UPDATE,
    /** AWS matches the spec. */
    NONE,
    /** Only a spec change (or another owner letting go) can make progress. */
    BLOCKED
  }

  public static <A> Decision of(ManagedSpec spec, Observation<A> observation) {
    if (spec.observeOnly()) {
      return new Decision(Action.OBSERVE, false, null, null);
    }
    if (!observation.exists()) {
      return new Decision(Action.CREATE, false, null, null);
    }
    boolean adopt = false;
    switch (observation.ownership()) {
      case OTHER:
        String other = observation.owner() == null ? "another object" : observation.owner();
        return blocked(
            "OwnedByOther", "the AWS resource is owned by " + other + "; it is left untouched");
      case UNOWNED:
        if (!spec.adoptExisting()) {
          return blocked(
              "AlreadyExists",
              "an AWS resource of this name exists and is not managed by ecs-operator; set"
                  + " spec.adopt: true to take it over");
        }
        adopt = true;
        break;
      case OURS_UNMARKED:
        // Ours from before installations were recorded: claimed by writing the ownership tags.
        adopt = true;
        break;
      case OURS:
        break;
    }
    ChangeSet changes = observation.changes();
    if (changes.hasAny(ChangeStrategy.REPLACE)) {
      return new Decision(
          Action.BLOCKED,
          adopt,
          "ImmutableField",
          "AWS cannot change "
              + new ChangeSet(changes.only(ChangeStrategy.REPLACE)).paths()
              + " after creation");
    }
    return new Decision(changes.isEmpty() ? Action.NONE : Action.UPDATE, adopt, null, null);
  }

  private static Decision blocked(String reason, String message) {
    return new Decision(Action.BLOCKED, false, reason, message);
  }
}

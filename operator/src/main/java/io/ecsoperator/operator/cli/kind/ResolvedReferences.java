package io.ecsoperator.operator.cli.kind;

import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * The objects a manifest's references name, found among the files, with what is known of them in
 * AWS in this run (the observation during plan, the reconcile's result during apply).
 */
public final class ResolvedReferences {

  /**
   * One referenced object.
   *
   * @param resource the object as the files declare it
   * @param actual its kind's model of the AWS resource, or null when it does not exist (yet)
   * @param pending what apply would still change in it before the referring object's turn: the
   *     plan's changes of the target; none during apply, which reconciles the target first
   */
  public record Target(HasMetadata resource, Object actual, ChangeSet pending) {

    /** A target this run has not read (yet). */
    public static Target unknown(HasMetadata resource) {
      return new Target(resource, null, ChangeSet.NONE);
    }
  }

  public static final ResolvedReferences NONE = new ResolvedReferences(Map.of());

  private final Map<String, Target> byField;

  public ResolvedReferences(Map<String, Target> byField) {
    this.byField = Map.copyOf(byField);
  }

  /** The object the spec field names, or null when the spec does not use that field. */
  public Target get(String field) {
    return byField.get(field);
  }
}

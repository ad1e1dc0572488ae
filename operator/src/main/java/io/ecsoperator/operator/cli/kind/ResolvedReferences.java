package io.ecsoperator.operator.cli.kind;

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
   */
  public record Target(HasMetadata resource, Object actual) {}

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

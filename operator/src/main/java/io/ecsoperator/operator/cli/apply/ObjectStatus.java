package io.ecsoperator.operator.cli.apply;

/**
 * One object's state during apply, with the reason and message of its last reconcile.
 *
 * @param arn the AWS resource's ARN once known, else null
 */
public record ObjectStatus(ObjectState state, String reason, String message, String arn) {

  public static ObjectStatus waiting(String message) {
    return new ObjectStatus(ObjectState.WAITING, null, message, null);
  }

  /** {@code Ready: created in AWS} or {@code Stalled (AlreadyExists): ...}. */
  public String describe() {
    return state.label() + (reason == null ? "" : " (" + reason + ")") + ": " + message;
  }
}

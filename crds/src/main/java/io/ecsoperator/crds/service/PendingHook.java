package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A lifecycle hook a service deployment waits on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PendingHook {

  @JsonPropertyDescription(
      "The hook's ID; annotate the object with ecsoperator.io/approve=<hookId> to continue a"
          + " PAUSE hook, or ecsoperator.io/rollback=<hookId> to roll back.")
  public String hookId;

  @JsonPropertyDescription("PAUSE (waits for an approval) or AWS_LAMBDA (waits for the function).")
  public String targetType;

  @JsonPropertyDescription("The lifecycle stage the hook runs at.")
  public String stage;

  @JsonPropertyDescription("AWAITING_ACTION for a PAUSE hook, IN_PROGRESS for a Lambda hook.")
  public String status;

  @JsonPropertyDescription("When ECS takes the timeout action (RFC 3339).")
  public String expiresAt;

  @JsonPropertyDescription("What ECS does at expiresAt: CONTINUE or ROLLBACK.")
  public String timeoutAction;
}

package io.ecsoperator.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Status every kind that manages an AWS resource shares: the conditions, the account the resource
 * was seen in and, under ObserveOnly, the drift.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class ManagedStatus extends ConditionedStatus {

  @JsonPropertyDescription(
      "The AwsAccount the AWS resource was last seen in; empty for the operator's own identity."
          + " An object whose account changes afterwards (its namespace bound elsewhere, say) is"
          + " Stalled with AccountChanged rather than making a second resource in the other one.")
  public String awsAccount;

  @JsonPropertyDescription(
      "Under ObserveOnly: the fields where AWS differs from the spec. Empty when in sync.")
  public List<DriftedField> drift = new ArrayList<>();
}

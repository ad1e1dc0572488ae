package io.ecsoperator.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Status every kind shares: the kstatus contract of DESIGN §5. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class ManagedStatus {

  /** Status of an object the operator has not seen yet (R1). */
  public static final String NOT_SEEN = "{\"observedGeneration\":-1}";

  @JsonPropertyDescription(
      "The metadata.generation this status describes; -1 until the operator has seen the object.")
  public Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, Reconciling and Stalled conditions, each with the generation it describes.")
  public List<StatusCondition> conditions = new ArrayList<>();

  @JsonPropertyDescription(
      "The AwsAccount the AWS resource was last seen in; empty for the operator's own identity."
          + " An object whose account changes afterwards (its namespace bound elsewhere, say) is"
          + " Stalled with AccountChanged rather than making a second resource in the other one.")
  public String awsAccount;

  @JsonPropertyDescription(
      "Under ObserveOnly: the fields where AWS differs from the spec. Empty when in sync.")
  public List<DriftedField> drift = new ArrayList<>();
}

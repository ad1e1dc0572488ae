package io.ecsoperator.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The kstatus contract of DESIGN §5, shared by every kind the operator writes a status for: the
 * generation described and the Ready, Reconciling and Stalled conditions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class ConditionedStatus {

  /** Status of an object the operator has not seen yet (R1). */
  public static final String NOT_SEEN = "{\"observedGeneration\":-1}";

  @JsonPropertyDescription(
      "The metadata.generation this status describes; -1 until the operator has seen the object.")
  public Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, Reconciling and Stalled conditions, each with the generation it describes.")
  public List<StatusCondition> conditions = new ArrayList<>();
}

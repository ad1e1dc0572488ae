package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One lifecycle rule: which images it selects and what it does with them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LifecyclePolicyRule {

  @JsonPropertyDescription("Order of evaluation, lowest first; unique within the policy.")
  @Required
  @Min(1)
  @Max(1000)
  public Integer rulePriority;

  @JsonPropertyDescription("What the rule is for.")
  @Size(max = 2048)
  public String description;

  @JsonPropertyDescription("Which images the rule applies to.")
  @Required
  public LifecycleRuleSelection selection;

  @JsonPropertyDescription("What happens to the selected images.")
  @Required
  public LifecycleRuleAction action;
}

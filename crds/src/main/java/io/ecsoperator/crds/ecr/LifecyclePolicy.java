package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The repository's lifecycle policy, as structured rules instead of a JSON string. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LifecyclePolicy {

  @JsonPropertyDescription(
      "Rules, applied from the lowest rulePriority to the highest. An empty list removes the"
          + " policy from AWS.")
  @Size(max = 100)
  @ValidationRule(
      value = "self.all(r, self.exists_one(o, o.rulePriority == r.rulePriority))",
      message = "rulePriority must be unique across rules")
  @ValidationRule(
      value =
          "self.all(r, r.selection.tagStatus != 'any' || self.all(o, o.rulePriority <="
              + " r.rulePriority))",
      message = "a rule with tagStatus any must have the highest rulePriority")
  public List<LifecyclePolicyRule> rules;
}

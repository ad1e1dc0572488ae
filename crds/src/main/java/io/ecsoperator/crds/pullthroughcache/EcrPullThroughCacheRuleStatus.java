package io.ecsoperator.crds.pullthroughcache;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedStatus;

/** Observed state of a pull through cache rule. */
public class EcrPullThroughCacheRuleStatus extends ManagedStatus {

  @JsonPropertyDescription(
      "When ECR created the rule this object created or adopted. The object owns that rule only:"
          + " ECR keeps no tags on rules.")
  public String createdAt;

  @JsonPropertyDescription("The AWS account ID of the registry that holds the rule.")
  public String registryId;

  @JsonPropertyDescription(
      "ECR's last ValidatePullThroughCacheRule answer; the object is not Ready while it fails.")
  public PullThroughCacheValidation validation;
}

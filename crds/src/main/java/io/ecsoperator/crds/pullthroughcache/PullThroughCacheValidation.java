package io.ecsoperator.crds.pullthroughcache;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** ECR's answer to ValidatePullThroughCacheRule: can it reach the upstream with the credential. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PullThroughCacheValidation {

  @JsonPropertyDescription("Whether ECR could authenticate to the upstream registry.")
  public Boolean isValid;

  @JsonPropertyDescription("Why validation failed, as ECR says it; absent when valid.")
  public String failure;
}

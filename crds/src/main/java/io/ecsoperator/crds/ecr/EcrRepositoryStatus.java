package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedStatus;

/** Observed state of an ECR repository. */
public class EcrRepositoryStatus extends ManagedStatus {

  @JsonPropertyDescription("ARN of the repository.")
  public String arn;

  @JsonPropertyDescription(
      "URI to push and pull images, e.g. 123456789012.dkr.ecr.<region>.amazonaws.com/web.")
  public String repositoryUri;

  @JsonPropertyDescription("The AWS account ID of the registry that holds the repository.")
  public String registryId;
}

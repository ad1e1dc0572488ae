package io.ecsoperator.crds.creationtemplate;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedStatus;

/** Observed state of a repository creation template. */
public class EcrRepositoryCreationTemplateStatus extends ManagedStatus {

  @JsonPropertyDescription(
      "When ECR created the template this object created or adopted. The object owns that"
          + " template only: ECR keeps no tags on templates.")
  public String createdAt;

  @JsonPropertyDescription("The AWS account ID of the registry that holds the template.")
  public String registryId;
}

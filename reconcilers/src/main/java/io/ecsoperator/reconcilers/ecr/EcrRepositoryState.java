package io.ecsoperator.reconcilers.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An ECR repository as AWS reports it, with policies in canonical form. Policies are null when the
 * repository has none, or when they were not read because the spec does not manage them.
 */
public record EcrRepositoryState(
    String repositoryName,
    String arn,
    String repositoryUri,
    String registryId,
    String imageTagMutability,
    List<String> imageTagMutabilityExclusionFilters,
    Boolean scanOnPush,
    String encryptionType,
    String kmsKey,
    JsonNode lifecyclePolicy,
    JsonNode repositoryPolicy,
    Map<String, String> tags) {

  public EcrRepositoryState {
    imageTagMutabilityExclusionFilters = List.copyOf(imageTagMutabilityExclusionFilters);
    tags = Map.copyOf(tags);
  }
}

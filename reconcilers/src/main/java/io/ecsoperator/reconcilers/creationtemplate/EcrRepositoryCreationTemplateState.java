package io.ecsoperator.reconcilers.creationtemplate;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.ecr.RegistryItem;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.model.RepositoryCreationTemplate;

/**
 * A repository creation template as ECR describes it, in the shapes the diff compares: appliedFor
 * and exclusion filters sorted, policies canonical (null when the template has none).
 *
 * @param claim which creation of the template the object owns (ECR keeps no tags on templates)
 * @param described the template as ECR answered, which an update starts from
 */
public record EcrRepositoryCreationTemplateState(
    String prefix,
    String description,
    List<String> appliedFor,
    String encryptionType,
    String kmsKey,
    String imageTagMutability,
    List<String> imageTagMutabilityExclusionFilters,
    JsonNode lifecyclePolicy,
    JsonNode repositoryPolicy,
    Map<String, String> resourceTags,
    String customRoleArn,
    String registryId,
    Instant createdAt,
    CreationClaim claim,
    RepositoryCreationTemplate described)
    implements RegistryItem {

  public EcrRepositoryCreationTemplateState {
    appliedFor = appliedFor.stream().sorted().toList();
    imageTagMutabilityExclusionFilters = List.copyOf(imageTagMutabilityExclusionFilters);
    resourceTags = Map.copyOf(resourceTags);
  }
}

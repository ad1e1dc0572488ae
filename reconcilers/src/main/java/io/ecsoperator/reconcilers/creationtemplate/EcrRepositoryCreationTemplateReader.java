package io.ecsoperator.reconcilers.creationtemplate;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.ecr.ExclusionFilters;
import io.ecsoperator.reconcilers.ecr.LifecyclePolicies;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.PolicyDocuments;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoryCreationTemplatesResponse;
import software.amazon.awssdk.services.ecr.model.RepositoryCreationTemplate;
import software.amazon.awssdk.services.ecr.model.Tag;

/** Reads repository creation templates from ECR. */
public final class EcrRepositoryCreationTemplateReader {

  private EcrRepositoryCreationTemplateReader() {}

  /** The template of this prefix, or null when there is none. */
  public static EcrRepositoryCreationTemplateState read(
      AwsClients clients, String prefix, CreationClaim claim) {
    DescribeRepositoryCreationTemplatesResponse described =
        clients.ecrRead(ecr -> ecr.describeRepositoryCreationTemplates(r -> r.prefixes(prefix)));
    // The call has no not-found error: an unknown prefix is left out of the answer.
    return described.repositoryCreationTemplates().stream()
        .filter(t -> t.prefix().equals(prefix))
        .findFirst()
        .map(t -> state(t, described.registryId(), claim))
        .orElse(null);
  }

  /** The prefixes of every template of the registry, for import. */
  public static List<String> prefixes(AwsClients clients) {
    return clients.ecrRead(
        ecr ->
            ecr.describeRepositoryCreationTemplatesPaginator(r -> {}).stream()
                .flatMap(page -> page.repositoryCreationTemplates().stream())
                .map(RepositoryCreationTemplate::prefix)
                .toList());
  }

  /** The model of a described template. */
  static EcrRepositoryCreationTemplateState state(
      RepositoryCreationTemplate template, String registryId, CreationClaim claim) {
    var encryption = template.encryptionConfiguration();
    return new EcrRepositoryCreationTemplateState(
        template.prefix(),
        template.description(),
        template.appliedForAsStrings(),
        encryption == null ? null : encryption.encryptionTypeAsString(),
        encryption == null ? null : encryption.kmsKey(),
        template.imageTagMutabilityAsString(),
        ExclusionFilters.described(template.imageTagMutabilityExclusionFilters()),
        policy(template.lifecyclePolicy(), LifecyclePolicies::canonical),
        policy(template.repositoryPolicy(), PolicyDocuments::canonical),
        template.resourceTags().stream()
            .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b)),
        template.customRoleArn(),
        registryId,
        template.createdAt(),
        claim,
        template);
  }

  /** A policy text of the template in canonical form; null when the template has none. */
  private static JsonNode policy(String text, UnaryOperator<JsonNode> canonical) {
    return text == null || text.isBlank() ? null : canonical.apply(Json.parse(text));
  }
}

package io.ecsoperator.reconcilers.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.PolicyDocuments;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/** Reads one repository from ECR; policies only when asked, to spare calls on every resync. */
public final class EcrRepositoryReader {

  private EcrRepositoryReader() {}

  /** The repository, or null when it does not exist. */
  public static EcrRepositoryState read(
      AwsClients clients, String name, boolean withLifecyclePolicy, boolean withRepositoryPolicy) {
    Repository repository;
    try {
      repository =
          clients
              .ecrRead(ecr -> ecr.describeRepositories(r -> r.repositoryNames(name)))
              .repositories()
              .get(0);
    } catch (RepositoryNotFoundException absent) {
      return null;
    }
    Map<String, String> tags =
        clients
            .ecrRead(ecr -> ecr.listTagsForResource(r -> r.resourceArn(repository.repositoryArn())))
            .tags()
            .stream()
            .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
    return new EcrRepositoryState(
        repository.repositoryName(),
        repository.repositoryArn(),
        repository.repositoryUri(),
        repository.registryId(),
        repository.imageTagMutabilityAsString(),
        ExclusionFilters.described(repository.imageTagMutabilityExclusionFilters()),
        repository.imageScanningConfiguration() == null
            ? null
            : repository.imageScanningConfiguration().scanOnPush(),
        repository.encryptionConfiguration() == null
            ? null
            : repository.encryptionConfiguration().encryptionTypeAsString(),
        repository.encryptionConfiguration() == null
            ? null
            : repository.encryptionConfiguration().kmsKey(),
        withLifecyclePolicy ? lifecyclePolicy(clients, name) : null,
        withRepositoryPolicy ? repositoryPolicy(clients, name) : null,
        tags);
  }

  private static JsonNode lifecyclePolicy(AwsClients clients, String name) {
    return optionalPolicy(
        clients,
        LifecyclePolicyNotFoundException.class,
        () -> clients.ecr().getLifecyclePolicy(r -> r.repositoryName(name)).lifecyclePolicyText(),
        LifecyclePolicies::canonical);
  }

  private static JsonNode repositoryPolicy(AwsClients clients, String name) {
    return optionalPolicy(
        clients,
        RepositoryPolicyNotFoundException.class,
        () -> clients.ecr().getRepositoryPolicy(r -> r.repositoryName(name)).policyText(),
        PolicyDocuments::canonical);
  }

  /** Reads a policy document that may not exist (null then), in canonical form. */
  private static JsonNode optionalPolicy(
      AwsClients clients,
      Class<? extends RuntimeException> notFound,
      Supplier<String> read,
      UnaryOperator<JsonNode> canonical) {
    try {
      return canonical.apply(Json.parse(clients.guard().call(ApiCategory.ECR_READ, read)));
    } catch (RuntimeException e) {
      if (notFound.isInstance(e)) {
        return null;
      }
      throw e;
    }
  }
}

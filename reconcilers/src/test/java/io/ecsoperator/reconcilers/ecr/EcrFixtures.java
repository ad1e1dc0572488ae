package io.ecsoperator.reconcilers.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.reconcilers.aws.AwsCallGuard;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.GuardSettings;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.testsupport.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.EncryptionConfiguration;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.ImageScanningConfiguration;
import software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilter;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * Turns AWS CLI outputs saved under {@code fixtures/ecr/} into an {@link EcrRepositoryState} by
 * running the real {@link EcrRepositoryReader} against an {@link EcrClient} that answers from the
 * fixtures: the state is built exactly the way the operator builds it.
 */
final class EcrFixtures {

  private static final String REGION = "eu-west-1";

  private String describeRepositories;
  private String lifecyclePolicy;
  private String repositoryPolicy;
  private String tags;

  private EcrFixtures() {}

  /** AWS as described by the output of {@code aws ecr describe-repositories}. */
  static EcrFixtures aws(String describeRepositoriesFixture) {
    EcrFixtures fixtures = new EcrFixtures();
    fixtures.describeRepositories = describeRepositoriesFixture;
    return fixtures;
  }

  /** Output of {@code aws ecr get-lifecycle-policy}; without it, the repository has none. */
  EcrFixtures lifecyclePolicy(String fixture) {
    this.lifecyclePolicy = fixture;
    return this;
  }

  /** Output of {@code aws ecr get-repository-policy}; without it, the repository has none. */
  EcrFixtures repositoryPolicy(String fixture) {
    this.repositoryPolicy = fixture;
    return this;
  }

  /** Output of {@code aws ecr list-tags-for-resource}; without it, the repository has no tags. */
  EcrFixtures tags(String fixture) {
    this.tags = fixture;
    return this;
  }

  /** Reads the repository the way the adapter's observe() does for this spec. */
  EcrRepositoryState read(EcrRepositorySpec spec) {
    return read(spec.lifecyclePolicy != null, spec.repositoryPolicy != null);
  }

  /** Reads the repository, with or without its policies. */
  EcrRepositoryState read(boolean withLifecyclePolicy, boolean withRepositoryPolicy) {
    Repository repository = repository(load(describeRepositories));
    AwsCallGuard guard =
        new AwsCallGuard(
            "fixtures",
            new GuardSettings(
                1,
                Duration.ofMillis(1),
                Duration.ofMillis(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
    AwsClients clients =
        new AwsClients(
            REGION, new FixtureEcrClient(repository), null, null, null, null, null, null, guard);
    return EcrRepositoryReader.read(
        clients, repository.repositoryName(), withLifecyclePolicy, withRepositoryPolicy);
  }

  /** A spec as the API server hands it over: YAML through Fabric8's mapper. */
  static EcrRepositorySpec spec(String yaml) {
    return Specs.parse(yaml, EcrRepositorySpec.class);
  }

  static JsonNode load(String fixture) {
    String resource = "/fixtures/ecr/" + fixture;
    try (InputStream in = EcrFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first repository of a describe-repositories output, as the SDK unmarshals it. */
  static Repository repository(JsonNode describeOutput) {
    JsonNode json = describeOutput.get("repositories").get(0);
    Repository.Builder repository =
        Repository.builder()
            .repositoryArn(text(json, "repositoryArn"))
            .registryId(text(json, "registryId"))
            .repositoryName(text(json, "repositoryName"))
            .repositoryUri(text(json, "repositoryUri"))
            .createdAt(instant(json.get("createdAt")))
            .imageTagMutability(text(json, "imageTagMutability"));
    if (json.has("imageTagMutabilityExclusionFilters")) {
      List<ImageTagMutabilityExclusionFilter> filters = new ArrayList<>();
      json.get("imageTagMutabilityExclusionFilters")
          .forEach(
              f ->
                  filters.add(
                      ImageTagMutabilityExclusionFilter.builder()
                          .filterType(text(f, "filterType"))
                          .filter(text(f, "filter"))
                          .build()));
      repository.imageTagMutabilityExclusionFilters(filters);
    }
    if (json.has("imageScanningConfiguration")) {
      repository.imageScanningConfiguration(
          ImageScanningConfiguration.builder()
              .scanOnPush(json.get("imageScanningConfiguration").path("scanOnPush").asBoolean())
              .build());
    }
    if (json.has("encryptionConfiguration")) {
      JsonNode encryption = json.get("encryptionConfiguration");
      repository.encryptionConfiguration(
          EncryptionConfiguration.builder()
              .encryptionType(text(encryption, "encryptionType"))
              .kmsKey(text(encryption, "kmsKey"))
              .build());
    }
    return repository.build();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The CLI prints timestamps as ISO 8601 or, in older versions, as epoch seconds. */
  private static Instant instant(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
    }
    return OffsetDateTime.parse(value.asText()).toInstant();
  }

  private static AwsErrorDetails notFound(String code, String message) {
    return AwsErrorDetails.builder()
        .serviceName("Ecr")
        .errorCode(code)
        .errorMessage(message)
        .build();
  }

  /** ECR answering from the fixtures, with AWS's not-found errors for what is absent. */
  private final class FixtureEcrClient implements EcrClient {

    private final Repository repository;

    FixtureEcrClient(Repository repository) {
      this.repository = repository;
    }

    @Override
    public DescribeRepositoriesResponse describeRepositories(DescribeRepositoriesRequest request) {
      if (!request.repositoryNames().equals(List.of(repository.repositoryName()))) {
        throw (RepositoryNotFoundException)
            RepositoryNotFoundException.builder()
                .awsErrorDetails(
                    notFound(
                        "RepositoryNotFoundException",
                        "The repository with name '"
                            + request.repositoryNames()
                            + "' does not exist in the registry with id '"
                            + repository.registryId()
                            + "'"))
                .statusCode(400)
                .build();
      }
      return DescribeRepositoriesResponse.builder().repositories(repository).build();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
      if (!request.resourceArn().equals(repository.repositoryArn())) {
        throw new IllegalArgumentException("tags asked for " + request.resourceArn());
      }
      List<Tag> result = new ArrayList<>();
      if (tags != null) {
        load(tags)
            .get("tags")
            .forEach(
                t -> result.add(Tag.builder().key(text(t, "Key")).value(text(t, "Value")).build()));
      }
      return ListTagsForResourceResponse.builder().tags(result).build();
    }

    @Override
    public GetLifecyclePolicyResponse getLifecyclePolicy(GetLifecyclePolicyRequest request) {
      checkName(request.repositoryName());
      if (lifecyclePolicy == null) {
        throw (LifecyclePolicyNotFoundException)
            LifecyclePolicyNotFoundException.builder()
                .awsErrorDetails(
                    notFound(
                        "LifecyclePolicyNotFoundException",
                        "Lifecycle policy does not exist for the repository with name '"
                            + request.repositoryName()
                            + "' in the registry with id '"
                            + repository.registryId()
                            + "'"))
                .statusCode(400)
                .build();
      }
      JsonNode json = load(lifecyclePolicy);
      return GetLifecyclePolicyResponse.builder()
          .registryId(text(json, "registryId"))
          .repositoryName(text(json, "repositoryName"))
          .lifecyclePolicyText(text(json, "lifecyclePolicyText"))
          .lastEvaluatedAt(instant(json.get("lastEvaluatedAt")))
          .build();
    }

    @Override
    public GetRepositoryPolicyResponse getRepositoryPolicy(GetRepositoryPolicyRequest request) {
      checkName(request.repositoryName());
      if (repositoryPolicy == null) {
        throw (RepositoryPolicyNotFoundException)
            RepositoryPolicyNotFoundException.builder()
                .awsErrorDetails(
                    notFound(
                        "RepositoryPolicyNotFoundException",
                        "Repository policy does not exist for the repository with name '"
                            + request.repositoryName()
                            + "' in the registry with id '"
                            + repository.registryId()
                            + "'"))
                .statusCode(400)
                .build();
      }
      JsonNode json = load(repositoryPolicy);
      return GetRepositoryPolicyResponse.builder()
          .registryId(text(json, "registryId"))
          .repositoryName(text(json, "repositoryName"))
          .policyText(text(json, "policyText"))
          .build();
    }

    private void checkName(String name) {
      if (!repository.repositoryName().equals(name)) {
        throw new IllegalArgumentException("asked for repository " + name);
      }
    }

    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public void close() {}
  }
}

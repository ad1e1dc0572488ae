package io.ecsoperator.reconcilers.ecr;

import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.contract.KindFixture;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

public final class EcrRepositoryContractFixture
    implements KindFixture<EcrRepositorySpec, EcrRepositoryState> {

  private static final String NAME = "contract";

  @Override
  public Class<EcrRepositorySpec> specClass() {
    return EcrRepositorySpec.class;
  }

  @Override
  public String specYaml(String region) {
    return "repositoryName: %s\nregion: %s\ntags: {team: web}\n".formatted(NAME, region);
  }

  @Override
  public ResourceAdapter<EcrRepositorySpec, EcrRepositoryState> adapter(AwsClientFactory aws) {
    return new EcrRepositoryAdapter(aws, NAME);
  }

  @Override
  public void createOutsideTheOperator(AwsClients aws, Map<String, String> tags) {
    aws.ecr()
        .createRepository(
            r ->
                r.repositoryName(NAME)
                    .tags(
                        tags.entrySet().stream()
                            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                            .toList()));
  }

  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients aws) {
    Repository repository;
    try {
      repository =
          aws.ecr().describeRepositories(r -> r.repositoryNames(NAME)).repositories().get(0);
    } catch (RepositoryNotFoundException gone) {
      return Optional.empty();
    }
    return Optional.of(
        aws
            .ecr()
            .listTagsForResource(r -> r.resourceArn(repository.repositoryArn()))
            .tags()
            .stream()
            .collect(Collectors.toMap(Tag::key, Tag::value)));
  }
}

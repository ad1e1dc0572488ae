package io.ecsoperator.reconcilers.creationtemplate;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.contract.KindFixture;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import java.util.Map;
import java.util.Optional;

/** A CREATE_ON_PUSH template. Templates carry no tags. */
public final class EcrRepositoryCreationTemplateContractFixture
    implements KindFixture<EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateState> {

  private static final String PREFIX = "contract/";

  @Override
  public Class<EcrRepositoryCreationTemplateSpec> specClass() {
    return EcrRepositoryCreationTemplateSpec.class;
  }

  @Override
  public String specYaml(String region) {
    return "prefix: %s\nregion: %s\nappliedFor: [CREATE_ON_PUSH]\n".formatted(PREFIX, region);
  }

  @Override
  public ResourceAdapter<EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateState>
      adapter(AwsClientFactory aws) {
    return new EcrRepositoryCreationTemplateAdapter(aws, new CreationClaim(null));
  }

  @Override
  public void createOutsideTheOperator(AwsClients aws, Map<String, String> tags) {
    aws.ecr()
        .createRepositoryCreationTemplate(
            r -> r.prefix(PREFIX).appliedForWithStrings("CREATE_ON_PUSH"));
  }

  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients aws) {
    boolean exists =
        !aws.ecr()
            .describeRepositoryCreationTemplates(r -> r.prefixes(PREFIX))
            .repositoryCreationTemplates()
            .isEmpty();
    return exists ? Optional.of(Map.of()) : Optional.empty();
  }

  @Override
  public boolean ownedByTags() {
    return false;
  }
}

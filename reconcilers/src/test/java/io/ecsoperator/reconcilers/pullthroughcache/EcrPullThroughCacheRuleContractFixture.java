package io.ecsoperator.reconcilers.pullthroughcache;

import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.contract.KindFixture;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRuleNotFoundException;

/** A rule for ECR Public, which needs no credential. Rules carry no tags. */
public final class EcrPullThroughCacheRuleContractFixture
    implements KindFixture<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState> {

  private static final String PREFIX = "contract";

  @Override
  public Class<EcrPullThroughCacheRuleSpec> specClass() {
    return EcrPullThroughCacheRuleSpec.class;
  }

  @Override
  public String specYaml(String region) {
    return "ecrRepositoryPrefix: %s\nregion: %s\nupstreamRegistry: ecr-public\nupstreamRegistryUrl: public.ecr.aws\n"
        .formatted(PREFIX, region);
  }

  @Override
  public ResourceAdapter<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState> adapter(
      AwsClientFactory aws) {
    return new EcrPullThroughCacheRuleAdapter(aws, new CreationClaim(null));
  }

  @Override
  public void createOutsideTheOperator(AwsClients aws, Map<String, String> tags) {
    aws.ecr()
        .createPullThroughCacheRule(
            r -> r.ecrRepositoryPrefix(PREFIX).upstreamRegistryUrl("public.ecr.aws"));
  }

  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients aws) {
    try {
      aws.ecr().describePullThroughCacheRules(r -> r.ecrRepositoryPrefixes(PREFIX));
      return Optional.of(Map.of());
    } catch (PullThroughCacheRuleNotFoundException gone) {
      return Optional.empty();
    }
  }

  @Override
  public boolean ownedByTags() {
    return false;
  }
}

package io.ecsoperator.operator.pullthroughcache;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/**
 * The EcrPullThroughCacheRule cases of {@link ValidationCases}: its schema's checks and one case
 * per CEL rule.
 */
public final class EcrPullThroughCacheRuleValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
        pullThroughCacheRule(
            "ecrRepositoryPrefix: docker-hub\nupstreamRegistry: docker-hub\n"
                + "upstreamRegistryUrl: registry-1.docker.io\n",
            "spec.credentialArn",
            "credentialArn is required for docker-hub"),
        pullThroughCacheRule(
            "ecrRepositoryPrefix: ecr-public\nupstreamRegistry: ecr-public\n"
                + "upstreamRegistryUrl: public.ecr.aws\ntags: {team: shop}\n",
            "spec.tags",
            "tags are not supported: ECR keeps no tags on a pull through cache rule"));
  }

  private static Case pullThroughCacheRule(String spec, String field, String message) {
    return new Case("EcrPullThroughCacheRule", "docker-hub", spec, field, message);
  }
}

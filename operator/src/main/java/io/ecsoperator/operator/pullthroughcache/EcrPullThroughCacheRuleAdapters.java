package io.ecsoperator.operator.pullthroughcache;

import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRule;
import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.pullthroughcache.EcrPullThroughCacheRuleAdapter;
import io.ecsoperator.reconcilers.pullthroughcache.EcrPullThroughCacheRuleState;

/**
 * Builds the adapter of an EcrPullThroughCacheRule, for the operator and the CLI alike: it owns the
 * rule its status records (the CLI's objects have no status, so they own none until adopted).
 */
public final class EcrPullThroughCacheRuleAdapters {

  private EcrPullThroughCacheRuleAdapters() {}

  public static ResourceAdapter<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState>
      forObject(AwsClientFactory aws, EcrPullThroughCacheRule resource) {
    var status = resource.getStatus();
    return new EcrPullThroughCacheRuleAdapter(
        aws, new CreationClaim(status == null ? null : status.createdAt));
  }
}

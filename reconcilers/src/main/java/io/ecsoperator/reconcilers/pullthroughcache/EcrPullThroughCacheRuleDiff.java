package io.ecsoperator.reconcilers.pullthroughcache;

import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleSpec;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.json.Json;

/**
 * The difference between a pull through cache rule spec and ECR. Pure. Only the credential and the
 * custom role can change in place (UpdatePullThroughCacheRule); the upstream is fixed at creation.
 */
public final class EcrPullThroughCacheRuleDiff {

  /** AWS's upstreamRepositoryPrefix when none is given: the whole upstream. */
  static final String ROOT = "ROOT";

  private EcrPullThroughCacheRuleDiff() {}

  public static ChangeSet diff(
      EcrPullThroughCacheRuleSpec spec, EcrPullThroughCacheRuleState actual) {
    ChangeSet.Builder changes = ChangeSet.builder();
    changes.compare(
        "upstreamRegistry",
        upstreamRegistry(spec),
        actual.upstreamRegistry(),
        ChangeStrategy.REPLACE);
    changes.compare(
        "upstreamRegistryUrl",
        spec.upstreamRegistryUrl,
        actual.upstreamRegistryUrl(),
        ChangeStrategy.REPLACE);
    changes.compare(
        "upstreamRepositoryPrefix",
        spec.upstreamRepositoryPrefix == null ? ROOT : spec.upstreamRepositoryPrefix,
        actual.upstreamRepositoryPrefix() == null ? ROOT : actual.upstreamRepositoryPrefix(),
        ChangeStrategy.REPLACE);
    changes.compareDeclared(
        "credentialArn", spec.credentialArn, actual.credentialArn(), ChangeStrategy.IN_PLACE);
    changes.compareDeclared(
        "customRoleArn", spec.customRoleArn, actual.customRoleArn(), ChangeStrategy.IN_PLACE);
    return changes.build();
  }

  /** The spec's upstream registry by its ECR API name (docker-hub...). */
  static String upstreamRegistry(EcrPullThroughCacheRuleSpec spec) {
    return Json.MAPPER.convertValue(spec.upstreamRegistry, String.class);
  }
}

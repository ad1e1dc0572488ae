package io.ecsoperator.operator.cli.pullthroughcache;

import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRule;
import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleSpec;
import io.ecsoperator.crds.pullthroughcache.UpstreamRegistry;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.pullthroughcache.EcrPullThroughCacheRuleAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.pullthroughcache.EcrPullThroughCacheRuleReader;
import io.ecsoperator.reconcilers.pullthroughcache.EcrPullThroughCacheRuleState;
import java.util.List;
import java.util.Map;

/** EcrPullThroughCacheRule in the CLI; {@code import --registry} brings every rule. */
public final class EcrPullThroughCacheRuleCliKind
    implements CliKind<
            EcrPullThroughCacheRule, EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState>,
        Importers.RegistryImporter {

  @Override
  public Class<EcrPullThroughCacheRule> resourceType() {
    return EcrPullThroughCacheRule.class;
  }

  @Override
  public String describe(EcrPullThroughCacheRule resource) {
    return "pull through cache rule " + resource.getSpec().ecrRepositoryPrefix;
  }

  @Override
  public ResourceAdapter<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState> adapter(
      AwsClientFactory aws, EcrPullThroughCacheRule resource, ResolvedReferences references) {
    return EcrPullThroughCacheRuleAdapters.forObject(aws, resource);
  }

  /** ECR gives rules no ARN. */
  @Override
  public String arn(EcrPullThroughCacheRuleState actual) {
    return null;
  }

  @Override
  public List<String> registryNames(ImportContext context) {
    return EcrPullThroughCacheRuleReader.prefixes(context.clients());
  }

  @Override
  public EcrPullThroughCacheRule importResource(ImportContext context, String prefix) {
    EcrPullThroughCacheRuleState actual =
        EcrPullThroughCacheRuleReader.read(context.clients(), prefix, new CreationClaim(null));
    if (actual == null) {
      return null;
    }
    EcrPullThroughCacheRule rule = new EcrPullThroughCacheRule();
    rule.setMetadata(context.newMetadata(kind(), prefix, Map.of()));
    rule.setSpec(spec(actual, context.specRegion()));
    return rule;
  }

  /**
   * The spec that declares what AWS has, with {@code adopt: true}: the CLI keeps no status, so only
   * adoption makes the rule the object's. The ROOT upstream prefix, AWS's default, is left out.
   */
  static EcrPullThroughCacheRuleSpec spec(EcrPullThroughCacheRuleState actual, String region) {
    EcrPullThroughCacheRuleSpec spec = new EcrPullThroughCacheRuleSpec();
    spec.adopt = true;
    spec.region = region;
    spec.ecrRepositoryPrefix = actual.ecrRepositoryPrefix();
    spec.upstreamRegistry =
        Json.MAPPER.convertValue(actual.upstreamRegistry(), UpstreamRegistry.class);
    spec.upstreamRegistryUrl = actual.upstreamRegistryUrl();
    spec.credentialArn = actual.credentialArn();
    spec.customRoleArn = actual.customRoleArn();
    if (!"ROOT".equals(actual.upstreamRepositoryPrefix())) {
      spec.upstreamRepositoryPrefix = actual.upstreamRepositoryPrefix();
    }
    return spec;
  }
}

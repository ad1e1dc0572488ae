package io.ecsoperator.reconcilers.pullthroughcache;

import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRule;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRuleNotFoundException;
import software.amazon.awssdk.services.ecr.model.ValidatePullThroughCacheRuleResponse;

/**
 * Reads pull through cache rules from ECR, each with ECR's validation of it: whether ECR can reach
 * the upstream with the rule's credential, which can break without the rule changing (a secret
 * rotated or deleted), so it is checked on every read.
 */
public final class EcrPullThroughCacheRuleReader {

  private EcrPullThroughCacheRuleReader() {}

  /** The rule of this prefix, or null when there is none. */
  public static EcrPullThroughCacheRuleState read(
      AwsClients clients, String prefix, CreationClaim claim) {
    PullThroughCacheRule rule;
    try {
      rule =
          clients
              .ecrRead(
                  ecr -> ecr.describePullThroughCacheRules(r -> r.ecrRepositoryPrefixes(prefix)))
              .pullThroughCacheRules()
              .get(0);
    } catch (PullThroughCacheRuleNotFoundException absent) {
      return null;
    }
    return validated(clients, rule, claim);
  }

  /** The prefixes of every rule of the registry, for import. */
  public static List<String> prefixes(AwsClients clients) {
    return clients.ecrRead(
        ecr ->
            ecr.describePullThroughCacheRulesPaginator(r -> {}).stream()
                .flatMap(page -> page.pullThroughCacheRules().stream())
                .map(PullThroughCacheRule::ecrRepositoryPrefix)
                .toList());
  }

  private static EcrPullThroughCacheRuleState validated(
      AwsClients clients, PullThroughCacheRule rule, CreationClaim claim) {
    ValidatePullThroughCacheRuleResponse validation =
        clients.ecrRead(
            ecr ->
                ecr.validatePullThroughCacheRule(
                    r -> r.ecrRepositoryPrefix(rule.ecrRepositoryPrefix())));
    return state(rule, validation, claim);
  }

  /** The model of a described rule and its validation. */
  static EcrPullThroughCacheRuleState state(
      PullThroughCacheRule rule,
      ValidatePullThroughCacheRuleResponse validation,
      CreationClaim claim) {
    return new EcrPullThroughCacheRuleState(
        rule.ecrRepositoryPrefix(),
        rule.upstreamRegistryAsString(),
        rule.upstreamRegistryUrl(),
        rule.credentialArn(),
        rule.customRoleArn(),
        rule.upstreamRepositoryPrefix(),
        rule.registryId(),
        rule.createdAt(),
        Boolean.TRUE.equals(validation.isValid()),
        validation.failure(),
        claim);
  }
}

package io.ecsoperator.reconcilers.pullthroughcache;

import io.ecsoperator.reconcilers.ecr.RegistryItem;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import java.time.Instant;

/**
 * A pull through cache rule as ECR describes it, with ECR's last validation of it.
 *
 * @param upstreamRegistryUrl the URL as ECR keeps it
 * @param upstreamRepositoryPrefix ROOT when the rule maps the whole upstream
 * @param isValid whether ValidatePullThroughCacheRule passed
 * @param failure why it did not, else null
 * @param claim which creation of the rule the object owns (ECR keeps no tags on rules)
 */
public record EcrPullThroughCacheRuleState(
    String ecrRepositoryPrefix,
    String upstreamRegistry,
    String upstreamRegistryUrl,
    String credentialArn,
    String customRoleArn,
    String upstreamRepositoryPrefix,
    String registryId,
    Instant createdAt,
    boolean isValid,
    String failure,
    CreationClaim claim)
    implements RegistryItem {}

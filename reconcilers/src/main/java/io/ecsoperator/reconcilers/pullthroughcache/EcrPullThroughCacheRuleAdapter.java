package io.ecsoperator.reconcilers.pullthroughcache;

import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleSpec;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import software.amazon.awssdk.services.ecr.model.CreatePullThroughCacheRuleResponse;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRuleAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRuleNotFoundException;

/**
 * ECR pull through cache rules. Ownership by {@link CreationClaim} (rules carry no tags). A rule
 * that ECR's validation fails (e.g. a wrong or deleted secret) is Stalled with ECR's reason; every
 * drift check validates again, so fixing the secret makes it Ready.
 */
public final class EcrPullThroughCacheRuleAdapter
    implements ResourceAdapter<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState> {

  /** Reason of a rule that ECR cannot use. */
  public static final String VALIDATION_FAILED = "UpstreamValidationFailed";

  private final AwsClientFactory aws;
  private final CreationClaim claim;

  /**
   * @param claim the creation of the rule the object owns, from its status
   */
  public EcrPullThroughCacheRuleAdapter(AwsClientFactory aws, CreationClaim claim) {
    this.aws = aws;
    this.claim = claim;
  }

  @Override
  public Observation<EcrPullThroughCacheRuleState> observe(
      ResourceRef ref, EcrPullThroughCacheRuleSpec spec) {
    EcrPullThroughCacheRuleState actual =
        EcrPullThroughCacheRuleReader.read(
            aws.forRegion(spec.region), spec.ecrRepositoryPrefix, claim);
    if (actual == null) {
      return Observation.absent();
    }
    return new Observation<>(
        actual,
        claim.ownershipOf(actual.createdAt()),
        EcrPullThroughCacheRuleDiff.diff(spec, actual));
  }

  @Override
  public CreateResult<EcrPullThroughCacheRuleState> create(
      ResourceRef ref, EcrPullThroughCacheRuleSpec spec) {
    AwsClients clients = aws.forRegion(spec.region);
    CreatePullThroughCacheRuleResponse created;
    try {
      created =
          clients
              .guard()
              .call(
                  ApiCategory.ECR_MODIFY,
                  () ->
                      clients
                          .ecr()
                          .createPullThroughCacheRule(
                              r ->
                                  r.ecrRepositoryPrefix(spec.ecrRepositoryPrefix)
                                      .upstreamRegistry(
                                          EcrPullThroughCacheRuleDiff.upstreamRegistry(spec))
                                      .upstreamRegistryUrl(spec.upstreamRegistryUrl)
                                      .credentialArn(spec.credentialArn)
                                      .customRoleArn(spec.customRoleArn)
                                      .upstreamRepositoryPrefix(spec.upstreamRepositoryPrefix)));
    } catch (PullThroughCacheRuleAlreadyExistsException taken) {
      return CreateResult.nameTaken();
    }
    claim.claim(created.createdAt());
    return CreateResult.created(observe(ref, spec).actual());
  }

  @Override
  public void adopt(ResourceRef ref, EcrPullThroughCacheRuleState actual) {
    claim.claim(actual.createdAt());
  }

  @Override
  public EcrPullThroughCacheRuleState update(
      ResourceRef ref,
      EcrPullThroughCacheRuleSpec spec,
      Observation<EcrPullThroughCacheRuleState> observation) {
    AwsClients clients = aws.forRegion(spec.region);
    clients
        .guard()
        .run(
            ApiCategory.ECR_MODIFY,
            () ->
                clients
                    .ecr()
                    .updatePullThroughCacheRule(
                        r ->
                            r.ecrRepositoryPrefix(spec.ecrRepositoryPrefix)
                                .credentialArn(spec.credentialArn)
                                .customRoleArn(spec.customRoleArn)));
    return observe(ref, spec).actual();
  }

  @Override
  public DeleteOutcome delete(
      ResourceRef ref, EcrPullThroughCacheRuleSpec spec, EcrPullThroughCacheRuleState actual) {
    AwsClients clients = aws.forRegion(spec.region);
    try {
      clients
          .guard()
          .run(
              ApiCategory.ECR_MODIFY,
              () ->
                  clients
                      .ecr()
                      .deletePullThroughCacheRule(
                          r -> r.ecrRepositoryPrefix(spec.ecrRepositoryPrefix)));
    } catch (PullThroughCacheRuleNotFoundException gone) {
      // Already gone: the goal of the delete.
    }
    return DeleteOutcome.DONE;
  }

  @Override
  public Readiness readiness(
      EcrPullThroughCacheRuleSpec spec, EcrPullThroughCacheRuleState actual) {
    if (actual.isValid()) {
      return Readiness.READY;
    }
    return Readiness.failed(
        VALIDATION_FAILED,
        "ECR cannot pull from "
            + actual.upstreamRegistryUrl()
            + " with this rule: "
            + (actual.failure() == null ? "validation failed" : actual.failure()));
  }
}

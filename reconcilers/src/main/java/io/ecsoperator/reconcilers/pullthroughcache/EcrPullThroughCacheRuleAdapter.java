package io.ecsoperator.reconcilers.pullthroughcache;

import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.ecr.RegistryItemAdapter;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.Readiness;
import java.time.Instant;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRuleAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRuleNotFoundException;

/**
 * ECR pull through cache rules. A rule that ECR's validation fails (e.g. a wrong or deleted secret)
 * is Stalled with ECR's reason; every drift check validates again, so fixing the secret makes it
 * Ready.
 */
public final class EcrPullThroughCacheRuleAdapter
    extends RegistryItemAdapter<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState> {

  /** Reason of a rule that ECR cannot use. */
  public static final String VALIDATION_FAILED = "UpstreamValidationFailed";

  /**
   * @param claim the creation of the rule the object owns, from its status
   */
  public EcrPullThroughCacheRuleAdapter(AwsClientFactory aws, CreationClaim claim) {
    super(
        aws,
        claim,
        PullThroughCacheRuleAlreadyExistsException.class,
        PullThroughCacheRuleNotFoundException.class);
  }

  @Override
  protected EcrPullThroughCacheRuleState read(
      AwsClients clients, EcrPullThroughCacheRuleSpec spec, CreationClaim claim) {
    return EcrPullThroughCacheRuleReader.read(clients, spec.ecrRepositoryPrefix, claim);
  }

  @Override
  protected ChangeSet diff(EcrPullThroughCacheRuleSpec spec, EcrPullThroughCacheRuleState actual) {
    return EcrPullThroughCacheRuleDiff.diff(spec, actual);
  }

  @Override
  protected Instant createInAws(AwsClients clients, EcrPullThroughCacheRuleSpec spec) {
    return clients
        .ecrModify(
            ecr ->
                ecr.createPullThroughCacheRule(
                    r ->
                        r.ecrRepositoryPrefix(spec.ecrRepositoryPrefix)
                            .upstreamRegistry(EcrPullThroughCacheRuleDiff.upstreamRegistry(spec))
                            .upstreamRegistryUrl(spec.upstreamRegistryUrl)
                            .credentialArn(spec.credentialArn)
                            .customRoleArn(spec.customRoleArn)
                            .upstreamRepositoryPrefix(spec.upstreamRepositoryPrefix)))
        .createdAt();
  }

  /** Only the credential and the custom role can change (UpdatePullThroughCacheRule). */
  @Override
  protected void updateInAws(
      AwsClients clients, EcrPullThroughCacheRuleSpec spec, EcrPullThroughCacheRuleState actual) {
    clients.ecrModify(
        ecr ->
            ecr.updatePullThroughCacheRule(
                r ->
                    r.ecrRepositoryPrefix(spec.ecrRepositoryPrefix)
                        .credentialArn(spec.credentialArn)
                        .customRoleArn(spec.customRoleArn)));
  }

  @Override
  protected void deleteInAws(AwsClients clients, EcrPullThroughCacheRuleSpec spec) {
    clients.ecrModify(
        ecr ->
            ecr.deletePullThroughCacheRule(r -> r.ecrRepositoryPrefix(spec.ecrRepositoryPrefix)));
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

package io.ecsoperator.operator.pullthroughcache;

import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRule;
import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleSpec;
import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleStatus;
import io.ecsoperator.crds.pullthroughcache.PullThroughCacheValidation;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.pullthroughcache.EcrPullThroughCacheRuleState;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

/** Reconciles EcrPullThroughCacheRule objects. */
@ControllerConfiguration(name = "ecrpullthroughcacherule")
public final class EcrPullThroughCacheRuleController
    extends ManagedResourceController<
        EcrPullThroughCacheRule,
        EcrPullThroughCacheRuleSpec,
        EcrPullThroughCacheRuleStatus,
        EcrPullThroughCacheRuleState> {

  public EcrPullThroughCacheRuleController(ControllerWiring wiring) {
    super(wiring, EcrPullThroughCacheRuleStatus::new);
  }

  @Override
  protected ResourceAdapter<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState> adapter(
      EcrPullThroughCacheRule resource) {
    return EcrPullThroughCacheRuleAdapters.forObject(aws(resource), resource);
  }

  @Override
  protected void copyObserved(
      EcrPullThroughCacheRuleState actual, EcrPullThroughCacheRuleStatus status) {
    status.createdAt = actual.claimedCreatedAt();
    status.registryId = actual.registryId();
    status.validation = new PullThroughCacheValidation();
    status.validation.isValid = actual.isValid();
    status.validation.failure = actual.failure();
  }
}

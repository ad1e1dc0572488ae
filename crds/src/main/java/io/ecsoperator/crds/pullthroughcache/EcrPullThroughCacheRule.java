package io.ecsoperator.crds.pullthroughcache;

import io.ecsoperator.crds.common.ManagedStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An Amazon ECR pull through cache rule: repositories under {@code ecrRepositoryPrefix} cache
 * images of an upstream registry.
 *
 * <p>Ownership: ECR keeps no tags on a rule, so the operator cannot mark it in AWS. The object
 * instead records in {@code status.createdAt} the creation time ECR reports for the rule it created
 * or adopted, and owns the rule only while that time matches. Any other rule of the prefix (made
 * outside the operator, by another object, or deleted and made again by someone else) is unowned:
 * Stalled with reason AlreadyExists until {@code spec.adopt: true}. Without a mark in AWS, another
 * object's rule cannot be told apart (never OwnedByOther), and a create whose response is lost
 * before the status is written is also AlreadyExists. The CLI keeps no status: {@code import}
 * writes {@code adopt: true}.
 */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecrpullthroughcacherules")
@ShortNames("ecrptc")
@AdditionalPrinterColumn(
    name = "Prefix",
    jsonPath = ".spec.ecrRepositoryPrefix",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Upstream",
    jsonPath = ".spec.upstreamRegistryUrl",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Valid",
    jsonPath = ".status.validation.isValid",
    type = AdditionalPrinterColumn.Type.BOOLEAN,
    priority = 1)
public class EcrPullThroughCacheRule
    extends CustomResource<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleStatus>
    implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public EcrPullThroughCacheRuleStatus getStatus() {
    return super.getStatus();
  }
}

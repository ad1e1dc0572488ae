package io.ecsoperator.crds.pullthroughcache;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedSpec;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Desired state of a pull through cache rule; field names follow CreatePullThroughCacheRule. Only
 * credentialArn and customRoleArn can change (UpdatePullThroughCacheRule); the rest is fixed.
 */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value = "self.ecrRepositoryPrefix == oldSelf.ecrRepositoryPrefix",
    message = "ecrRepositoryPrefix is immutable")
@ValidationRule(
    value =
        "self.upstreamRegistry == oldSelf.upstreamRegistry && self.upstreamRegistryUrl =="
            + " oldSelf.upstreamRegistryUrl",
    message = "upstreamRegistry and upstreamRegistryUrl are immutable",
    fieldPath = ".upstreamRegistryUrl")
@ValidationRule(
    value =
        "has(self.upstreamRepositoryPrefix) == has(oldSelf.upstreamRepositoryPrefix) &&"
            + " (!has(self.upstreamRepositoryPrefix) || self.upstreamRepositoryPrefix =="
            + " oldSelf.upstreamRepositoryPrefix)",
    message = "upstreamRepositoryPrefix is immutable")
// User guide, "Sync an upstream registry with an Amazon ECR private registry": these upstreams
// require authentication with an AWS Secrets Manager secret.
@ValidationRule(
    value =
        "!(self.upstreamRegistry in ['docker-hub', 'github-container-registry',"
            + " 'azure-container-registry', 'gitlab-container-registry', 'chainguard']) ||"
            + " has(self.credentialArn)",
    message =
        "credentialArn is required for docker-hub, github-container-registry,"
            + " azure-container-registry, gitlab-container-registry and chainguard",
    fieldPath = ".credentialArn")
@ValidationRule(
    value = "!has(self.tags)",
    message = "tags are not supported: ECR keeps no tags on a pull through cache rule",
    fieldPath = ".tags")
public class EcrPullThroughCacheRuleSpec extends ManagedSpec {

  @JsonPropertyDescription(
      "Repository name prefix in this registry that caches the upstream, e.g. docker-hub (images"
          + " then pull as <registry>/docker-hub/library/nginx), or ROOT. Immutable.")
  @Required
  @Size(min = 2, max = 30)
  @Pattern("^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*|ROOT)$")
  public String ecrRepositoryPrefix;

  @JsonPropertyDescription(
      "Kind of upstream registry: ecr, ecr-public, quay, k8s, docker-hub,"
          + " github-container-registry, azure-container-registry, gitlab-container-registry or"
          + " chainguard. Immutable.")
  @Required
  public UpstreamRegistry upstreamRegistry;

  @JsonPropertyDescription(
      "Registry URL of the upstream, e.g. registry-1.docker.io, public.ecr.aws, ghcr.io, quay.io,"
          + " registry.k8s.io, <name>.azurecr.io or <account>.dkr.ecr.<region>.amazonaws.com."
          + " Immutable.")
  @Required
  @Size(min = 1, max = 255)
  public String upstreamRegistryUrl;

  @JsonPropertyDescription(
      "ARN of the Secrets Manager secret (named ecr-pullthroughcache/...) with the upstream's"
          + " credentials; required for the upstreams that need authentication.")
  @Pattern("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:ecr-pullthroughcache/.+$")
  @Size(max = 612)
  public String credentialArn;

  @JsonPropertyDescription(
      "ARN of the IAM role ECR assumes to reach an ECR upstream in another account; it must be in"
          + " this registry's account.")
  @Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")
  @Size(max = 2048)
  public String customRoleArn;

  @JsonPropertyDescription(
      "Repository name prefix in the upstream registry that ecrRepositoryPrefix maps to; ROOT"
          + " (AWS's default) when omitted. Immutable.")
  @Size(min = 2, max = 30)
  @Pattern("^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*|ROOT)$")
  public String upstreamRepositoryPrefix;
}

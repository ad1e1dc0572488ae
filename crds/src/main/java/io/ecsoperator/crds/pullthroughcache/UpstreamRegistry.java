package io.ecsoperator.crds.pullthroughcache;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The upstream registries ECR can cache, by their ECR API names. */
public enum UpstreamRegistry {
  @JsonProperty("ecr")
  ECR,
  @JsonProperty("ecr-public")
  ECR_PUBLIC,
  @JsonProperty("quay")
  QUAY,
  @JsonProperty("k8s")
  K8S,
  @JsonProperty("docker-hub")
  DOCKER_HUB,
  @JsonProperty("github-container-registry")
  GITHUB_CONTAINER_REGISTRY,
  @JsonProperty("azure-container-registry")
  AZURE_CONTAINER_REGISTRY,
  @JsonProperty("gitlab-container-registry")
  GITLAB_CONTAINER_REGISTRY,
  @JsonProperty("chainguard")
  CHAINGUARD
}

package io.ecsoperator.operator.pullthroughcache;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Admission of EcrPullThroughCacheRule manifests by the real API server with the chart's CRDs: a
 * bad manifest is refused naming the field, and the upstream cannot change once created.
 */
class EcrPullThroughCacheRuleValidationIT extends ManifestValidation {

  private static final String DOCKER_HUB =
      """
      ecrRepositoryPrefix: docker-hub
      upstreamRegistry: docker-hub
      upstreamRegistryUrl: registry-1.docker.io
      credentialArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/hub-AbCdEf
      """;

  private static final String ECR_PUBLIC =
      """
      ecrRepositoryPrefix: ecr-public
      upstreamRegistry: ecr-public
      upstreamRegistryUrl: public.ecr.aws
      """;

  EcrPullThroughCacheRuleValidationIT() {
    super("EcrPullThroughCacheRule", "ecrpullthroughcacherules", "ptc-validation", "rule");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid(
            "docker-hub without credentialArn",
            DOCKER_HUB.replaceAll("credentialArn: .*\n", ""),
            "spec.credentialArn",
            "credentialArn is required for docker-hub"),
        invalid(
            "github-container-registry without credentialArn",
            "ecrRepositoryPrefix: ghcr\nupstreamRegistry: github-container-registry\n"
                + "upstreamRegistryUrl: ghcr.io\n",
            "spec.credentialArn",
            "credentialArn is required for docker-hub, github-container-registry"),
        invalid(
            "unknown upstream registry",
            ECR_PUBLIC.replace("upstreamRegistry: ecr-public", "upstreamRegistry: artifactory"),
            "spec.upstreamRegistry",
            "Unsupported value: \"artifactory\""),
        invalid(
            "a secret outside ecr-pullthroughcache/",
            DOCKER_HUB.replace("ecr-pullthroughcache/hub", "hub"),
            "spec.credentialArn",
            "should match"),
        invalid(
            "a prefix with uppercase letters",
            ECR_PUBLIC.replace("ecrRepositoryPrefix: ecr-public", "ecrRepositoryPrefix: Public"),
            "spec.ecrRepositoryPrefix",
            "should match"),
        invalid(
            "no upstreamRegistryUrl",
            ECR_PUBLIC.replace("upstreamRegistryUrl: public.ecr.aws\n", ""),
            "spec.upstreamRegistryUrl",
            "Required value"),
        invalid(
            "tags",
            ECR_PUBLIC + "tags: {team: shop}\n",
            "spec.tags",
            "tags are not supported: ECR keeps no tags on a pull through cache rule"));
  }

  static Stream<Arguments> validManifests() {
    return Stream.of(
        Arguments.of("Docker Hub with its secret", DOCKER_HUB),
        Arguments.of("ECR Public without a secret", ECR_PUBLIC),
        Arguments.of(
            "another ECR registry through a role, a ROOT prefix",
            """
            ecrRepositoryPrefix: ROOT
            upstreamRegistry: ecr
            upstreamRegistryUrl: 210987654321.dkr.ecr.eu-west-1.amazonaws.com
            customRoleArn: arn:aws:iam::123456789012:role/ecr-upstream
            upstreamRepositoryPrefix: team-a
            """));
  }

  static Stream<Arguments> immutableChanges() {
    return Stream.of(
        Arguments.of(
            "ecrRepositoryPrefix changed",
            DOCKER_HUB.replace("ecrRepositoryPrefix: docker-hub", "ecrRepositoryPrefix: hub"),
            "ecrRepositoryPrefix is immutable"),
        Arguments.of(
            "upstreamRegistryUrl changed",
            DOCKER_HUB.replace("registry-1.docker.io", "docker.io"),
            "upstreamRegistry and upstreamRegistryUrl are immutable"),
        Arguments.of(
            "upstreamRepositoryPrefix added",
            DOCKER_HUB + "upstreamRepositoryPrefix: library\n",
            "upstreamRepositoryPrefix is immutable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("immutableChanges")
  void theUpstreamCannotChange(String name, String changedSpec, String message) {
    assertChangeRefused(DOCKER_HUB, changedSpec, message);
  }
}

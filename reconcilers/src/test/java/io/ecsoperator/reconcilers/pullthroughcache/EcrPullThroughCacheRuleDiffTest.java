package io.ecsoperator.reconcilers.pullthroughcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleSpec;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.testsupport.Specs;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRule;
import software.amazon.awssdk.services.ecr.model.ValidatePullThroughCacheRuleResponse;

class EcrPullThroughCacheRuleDiffTest {

  private static final String SECRET =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/hub-AbCdEf";

  /** A Docker Hub rule as DescribePullThroughCacheRules answers: ROOT filled in by ECR. */
  private static final EcrPullThroughCacheRuleState DESCRIBED =
      EcrPullThroughCacheRuleReader.state(
          PullThroughCacheRule.builder()
              .ecrRepositoryPrefix("docker-hub")
              .upstreamRegistryUrl("registry-1.docker.io")
              .upstreamRegistry("docker-hub")
              .upstreamRepositoryPrefix("ROOT")
              .credentialArn(SECRET)
              .registryId("123456789012")
              .createdAt(Instant.parse("2025-05-01T10:00:00Z"))
              .build(),
          ValidatePullThroughCacheRuleResponse.builder().isValid(true).build(),
          new CreationClaim(null));

  private static final String SPEC =
      """
      ecrRepositoryPrefix: docker-hub
      upstreamRegistry: docker-hub
      upstreamRegistryUrl: registry-1.docker.io
      credentialArn: %s
      """
          .formatted(SECRET);

  @Test
  void aSpecWithoutAnUpstreamPrefixMatchesEcrsRoot() {
    assertThat(diff(SPEC).changes()).isEmpty();
    assertThat(diff(SPEC + "upstreamRepositoryPrefix: ROOT\n").changes()).isEmpty();
  }

  @Test
  void aNewCredentialOrRoleIsInPlace() {
    var changes =
        diff(SPEC.replace("hub-AbCdEf", "hub-2-XyZabc")
                + "customRoleArn: arn:aws:iam::123456789012:role/pull\n")
            .changes();

    assertThat(changes)
        .extracting(FieldChange::path)
        .containsExactlyInAnyOrder("credentialArn", "customRoleArn");
    assertThat(changes).extracting(FieldChange::strategy).containsOnly(ChangeStrategy.IN_PLACE);
  }

  @Test
  void anotherUpstreamCannotChangeInPlace() {
    var changes =
        diff(SPEC.replace("upstreamRegistry: docker-hub", "upstreamRegistry: quay")
                + "upstreamRepositoryPrefix: library\n")
            .changes();

    assertThat(changes)
        .extracting(FieldChange::path)
        .containsExactlyInAnyOrder("upstreamRegistry", "upstreamRepositoryPrefix");
    assertThat(changes).extracting(FieldChange::strategy).containsOnly(ChangeStrategy.REPLACE);
  }

  private static io.ecsoperator.reconcilers.engine.ChangeSet diff(String spec) {
    return EcrPullThroughCacheRuleDiff.diff(
        Specs.parse(spec, EcrPullThroughCacheRuleSpec.class), DESCRIBED);
  }
}

package io.ecsoperator.reconcilers.pullthroughcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.pullthroughcache.EcrPullThroughCacheRuleSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.testsupport.AdapterIT;
import io.ecsoperator.testsupport.BedSecrets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pull through cache rule adapter and the engine against the bed's model of ECR: validation in
 * status, in-place credential changes, immutable upstreams and ownership without tags.
 */
class EcrPullThroughCacheRuleAdapterIT
    extends AdapterIT<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState> {

  private static final String SPEC =
      """
      region: %s
      ecrRepositoryPrefix: docker-hub
      upstreamRegistry: docker-hub
      upstreamRegistryUrl: registry-1.docker.io
      credentialArn: %s
      """;

  private String secretArn;

  @Override
  protected ResourceAdapter<EcrPullThroughCacheRuleSpec, EcrPullThroughCacheRuleState> newAdapter(
      AwsClientFactory aws) {
    return new EcrPullThroughCacheRuleAdapter(aws, new CreationClaim(null));
  }

  @Override
  protected Class<EcrPullThroughCacheRuleSpec> specClass() {
    return EcrPullThroughCacheRuleSpec.class;
  }

  @Override
  protected String fullSpecYaml() {
    return SPEC.formatted(bed.region(), secretArn);
  }

  @BeforeEach
  void dockerHubSecret() {
    secretArn = secret("ecr-pullthroughcache/docker-hub");
  }

  @Test
  void aCreatedRuleIsValidatedAndASecondReconcileWritesNothing() {
    ReconcileOutcome<EcrPullThroughCacheRuleState> created = reconcile(fullSpec(), false);

    assertThat(created.state()).as(created.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).containsOnlyKeys("CreatePullThroughCacheRule");
    assertThat(calls.all()).containsKey("ValidatePullThroughCacheRule");
    assertThat(created.actual().isValid()).isTrue();
    assertThat(created.actual().upstreamRepositoryPrefix()).isEqualTo("ROOT");
    assertThat(created.actual().claimedCreatedAt()).isNotNull();
    calls.reset();

    assertThat(reconcile(fullSpec(), true).state()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void aNewCredentialIsOneUpdate() {
    reconcile(fullSpec(), false);
    String rotated = secret("ecr-pullthroughcache/docker-hub-2");
    calls.reset();

    ReconcileOutcome<EcrPullThroughCacheRuleState> updated =
        reconcile(spec(SPEC.formatted(bed.region(), rotated)), false);

    assertThat(updated.state()).as(updated.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("UpdatePullThroughCacheRule", 1));
    assertThat(updated.actual().credentialArn()).isEqualTo(rotated);
  }

  @Test
  void aRuleWhoseSecretIsGoneIsStalledWithEcrsReason() {
    reconcile(fullSpec(), false);
    bed.aws(
            "secretsmanager",
            "delete-secret",
            "--secret-id",
            secretArn,
            "--force-delete-without-recovery")
        .assertSuccess("aws secretsmanager delete-secret");

    ReconcileOutcome<EcrPullThroughCacheRuleState> invalid = reconcile(fullSpec(), true);

    assertThat(invalid.state()).isEqualTo(State.STALLED);
    assertThat(invalid.reason()).isEqualTo(EcrPullThroughCacheRuleAdapter.VALIDATION_FAILED);
    assertThat(invalid.message()).contains("registry-1.docker.io").contains("secret");
    assertThat(invalid.actual().isValid()).isFalse();
  }

  @Test
  void anotherUpstreamIsAnImmutableChange() {
    reconcile(fullSpec(), false);
    calls.reset();

    ReconcileOutcome<EcrPullThroughCacheRuleState> refused =
        reconcile(
            spec(
                fullSpecYaml()
                    .replace("upstreamRegistry: docker-hub", "upstreamRegistry: quay")
                    .replace("registry-1.docker.io", "quay.io")),
            false);

    assertThat(refused.reason()).isEqualTo("ImmutableField");
    assertThat(refused.message()).contains("upstreamRegistry").contains("upstreamRegistryUrl");
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void theObjectOwnsOnlyTheCreationItsStatusRecords() {
    ReconcileOutcome<EcrPullThroughCacheRuleState> created = reconcile(fullSpec(), false);
    String recorded = created.actual().claimedCreatedAt();
    var another = new EcrPullThroughCacheRuleAdapter(aws, new CreationClaim(null));
    var restarted = new EcrPullThroughCacheRuleAdapter(aws, new CreationClaim(recorded));

    assertThat(ReconcileEngine.reconcile(another, REF, fullSpec(), false).reason())
        .isEqualTo("AlreadyExists");
    assertThat(ReconcileEngine.reconcile(restarted, REF, fullSpec(), true).state())
        .isEqualTo(State.READY);

    ReconcileOutcome<EcrPullThroughCacheRuleState> adopted =
        ReconcileEngine.reconcile(another, REF, spec("adopt: true\n" + fullSpecYaml()), false);
    assertThat(adopted.state()).isEqualTo(State.READY);
    assertThat(adopted.actual().claimedCreatedAt())
        .as("the status records the adopted rule")
        .isEqualTo(recorded);
  }

  private String secret(String name) {
    return BedSecrets.arn(bed, name);
  }
}

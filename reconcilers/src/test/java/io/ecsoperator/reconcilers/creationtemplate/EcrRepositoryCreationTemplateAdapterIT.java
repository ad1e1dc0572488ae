package io.ecsoperator.reconcilers.creationtemplate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.testsupport.AdapterIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.model.RepositoryCreationTemplate;

/**
 * The creation template adapter and the engine against the bed's model of ECR: a full template
 * round-trips without a perpetual diff, drift is corrected with one update that keeps what the spec
 * does not declare, and deletion.
 */
class EcrRepositoryCreationTemplateAdapterIT
    extends AdapterIT<EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateState> {

  private static final String PREFIX = "team-a/";

  @Override
  protected ResourceAdapter<EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateState>
      newAdapter(AwsClientFactory aws) {
    return new EcrRepositoryCreationTemplateAdapter(aws, new CreationClaim(null));
  }

  @Override
  protected Class<EcrRepositoryCreationTemplateSpec> specClass() {
    return EcrRepositoryCreationTemplateSpec.class;
  }

  @Override
  protected String fullSpecYaml() {
    return """
        region: %s
        prefix: team-a/
        description: Repositories team A pushes
        appliedFor: [CREATE_ON_PUSH, PULL_THROUGH_CACHE]
        encryptionConfiguration: {encryptionType: AES256}
        imageTagMutability: IMMUTABLE_WITH_EXCLUSION
        imageTagMutabilityExclusionFilters: [{filter: latest}]
        lifecyclePolicy:
          rules:
            - rulePriority: 2
              selection: {tagStatus: untagged, countType: sinceImagePushed, countUnit: days, countNumber: 14}
              action: {type: expire}
            - rulePriority: 1
              selection: {tagStatus: tagged, tagPrefixList: [v, release], countType: imageCountMoreThan, countNumber: 30}
              action: {type: expire}
        repositoryPolicy:
          Version: "2012-10-17"
          Statement:
            Sid: AllowPull
            Effect: Allow
            Principal: {AWS: arn:aws:iam::123456789012:root}
            Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
        resourceTags: {team: a}
        customRoleArn: arn:aws:iam::123456789012:role/ecr-template-role
        """
        .formatted(bed.region());
  }

  @Test
  void aFullTemplateIsCreatedOnceAndThenOnlyRead() {
    ReconcileOutcome<EcrRepositoryCreationTemplateState> created = reconcile(fullSpec(), false);

    assertThat(created.state()).as(created.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("CreateRepositoryCreationTemplate", 1));
    assertThat(created.actual().appliedFor())
        .containsExactly("CREATE_ON_PUSH", "PULL_THROUGH_CACHE");
    assertThat(created.actual().claimedCreatedAt()).isNotNull();
    calls.reset();

    assertThat(reconcile(fullSpec(), true).state()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void driftIsCorrectedByOneUpdateThatKeepsWhatTheSpecLeavesOut() {
    String spec = "region: %s\nprefix: team-a/\nappliedFor: [CREATE_ON_PUSH]\ndescription: A\n";
    reconcile(spec(spec.formatted(bed.region())), false);
    aws.forRegion(null)
        .ecr()
        .updateRepositoryCreationTemplate(
            r ->
                r.prefix(PREFIX)
                    .appliedForWithStrings("CREATE_ON_PUSH", "REPLICATION")
                    .description("changed by hand")
                    .imageTagMutability("IMMUTABLE"));
    calls.reset();

    ReconcileOutcome<EcrRepositoryCreationTemplateState> corrected =
        reconcile(spec(spec.formatted(bed.region())), true);

    assertThat(corrected.state()).as(corrected.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("UpdateRepositoryCreationTemplate", 1));
    assertThat(corrected.actual().description()).isEqualTo("A");
    assertThat(corrected.actual().appliedFor()).containsExactly("CREATE_ON_PUSH");
    assertThat(corrected.actual().imageTagMutability())
        .as("not declared, so left as set by hand")
        .isEqualTo("IMMUTABLE");
  }

  @Test
  void anEmptyRuleListRemovesTheLifecyclePolicy() {
    reconcile(fullSpec(), false);
    String noRules =
        fullSpecYaml()
            .replaceAll(
                "(?s)lifecyclePolicy:.*?repositoryPolicy:",
                "lifecyclePolicy: {rules: []}\nrepositoryPolicy:");

    ReconcileOutcome<EcrRepositoryCreationTemplateState> removed = reconcile(spec(noRules), false);

    assertThat(removed.state()).as(removed.message()).isEqualTo(State.READY);
    assertThat(removed.actual().lifecyclePolicy()).isNull();
  }

  @Test
  void deleteRemovesTheTemplate() {
    reconcile(fullSpec(), false);

    assertThat(ReconcileEngine.delete(adapter, REF, fullSpec())).isEqualTo(DeleteOutcome.DONE);

    List<RepositoryCreationTemplate> left =
        aws.forRegion(null)
            .ecr()
            .describeRepositoryCreationTemplates(r -> {})
            .repositoryCreationTemplates();
    assertThat(left).isEmpty();
  }
}

package io.ecsoperator.reconcilers.creationtemplate;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.reconcilers.ecr.ExclusionFilters;
import io.ecsoperator.reconcilers.ecr.LifecyclePolicies;
import io.ecsoperator.reconcilers.json.PolicyDocuments;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryCreationTemplateRequest;
import software.amazon.awssdk.services.ecr.model.RepositoryCreationTemplate;
import software.amazon.awssdk.services.ecr.model.Tag;
import software.amazon.awssdk.services.ecr.model.UpdateRepositoryCreationTemplateRequest;

/**
 * The template ECR should have, as a request: what ECR has, overlaid with what the spec declares.
 * UpdateRepositoryCreationTemplate sets an omitted imageTagMutability back to MUTABLE (API
 * reference), so an update sends the whole template, not only the changed fields.
 */
final class TemplateRequests {

  private TemplateRequests() {}

  static CreateRepositoryCreationTemplateRequest create(EcrRepositoryCreationTemplateSpec spec) {
    return desired(spec, CreateRepositoryCreationTemplateRequest.builder());
  }

  static UpdateRepositoryCreationTemplateRequest update(
      EcrRepositoryCreationTemplateSpec spec, RepositoryCreationTemplate described) {
    CreateRepositoryCreationTemplateRequest template =
        desired(
            spec,
            CreateRepositoryCreationTemplateRequest.builder()
                .description(described.description())
                .encryptionConfiguration(described.encryptionConfiguration())
                .imageTagMutability(described.imageTagMutabilityAsString())
                .imageTagMutabilityExclusionFilters(described.imageTagMutabilityExclusionFilters())
                .lifecyclePolicy(described.lifecyclePolicy())
                .repositoryPolicy(described.repositoryPolicy())
                .resourceTags(described.resourceTags())
                .customRoleArn(described.customRoleArn()));
    return UpdateRepositoryCreationTemplateRequest.builder()
        .prefix(template.prefix())
        .description(template.description())
        .appliedForWithStrings(template.appliedForAsStrings())
        .encryptionConfiguration(template.encryptionConfiguration())
        .imageTagMutability(template.imageTagMutabilityAsString())
        .imageTagMutabilityExclusionFilters(template.imageTagMutabilityExclusionFilters())
        .lifecyclePolicy(template.lifecyclePolicy())
        .repositoryPolicy(template.repositoryPolicy())
        .resourceTags(template.resourceTags())
        .customRoleArn(template.customRoleArn())
        .build();
  }

  /** The builder with the spec's declared fields set; an empty policy is sent as "" (none). */
  private static CreateRepositoryCreationTemplateRequest desired(
      EcrRepositoryCreationTemplateSpec spec, CreateRepositoryCreationTemplateRequest.Builder b) {
    b.prefix(spec.prefix)
        .appliedForWithStrings(spec.appliedFor.stream().map(Enum::name).distinct().toList());
    if (spec.description != null) {
      b.description(spec.description);
    }
    if (spec.encryptionConfiguration != null) {
      b.encryptionConfiguration(
          e ->
              e.encryptionType(spec.encryptionConfiguration.encryptionType.name())
                  .kmsKey(spec.encryptionConfiguration.kmsKey));
    }
    if (spec.imageTagMutability != null) {
      b.imageTagMutability(spec.imageTagMutability.name())
          .imageTagMutabilityExclusionFilters(
              ExclusionFilters.toAws(spec.imageTagMutabilityExclusionFilters));
    }
    if (spec.lifecyclePolicy != null) {
      b.lifecyclePolicy(
          LifecyclePolicies.canonical(spec.lifecyclePolicy) == null
              ? ""
              : LifecyclePolicies.text(spec.lifecyclePolicy));
    }
    if (spec.repositoryPolicy != null) {
      b.repositoryPolicy(
          PolicyDocuments.canonical(spec.repositoryPolicy) == null
              ? ""
              : spec.repositoryPolicy.toString());
    }
    if (spec.resourceTags != null) {
      b.resourceTags(
          spec.resourceTags.entrySet().stream()
              .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
              .toList());
    }
    if (spec.customRoleArn != null) {
      b.customRoleArn(spec.customRoleArn);
    }
    return b.build();
  }
}

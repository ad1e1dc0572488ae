package io.ecsoperator.reconcilers.creationtemplate;

import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.reconcilers.ecr.RepositorySettingsDiff;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import java.util.Map;

/**
 * The difference between a creation template spec and ECR. Pure: only fields the user declared are
 * compared; tag mutability and the policies as for an EcrRepository. Every field but the prefix
 * changes in place (UpdateRepositoryCreationTemplate).
 */
public final class EcrRepositoryCreationTemplateDiff {

  private EcrRepositoryCreationTemplateDiff() {}

  public static ChangeSet diff(
      EcrRepositoryCreationTemplateSpec spec, EcrRepositoryCreationTemplateState actual) {
    ChangeSet.Builder changes = ChangeSet.builder();
    changes.compareDeclared(
        "description", spec.description, actual.description(), ChangeStrategy.IN_PLACE);
    changes.compare(
        "appliedFor",
        spec.appliedFor.stream().map(Enum::name).sorted().distinct().toList(),
        actual.appliedFor(),
        ChangeStrategy.IN_PLACE);
    if (spec.encryptionConfiguration != null) {
      changes.compare(
          "encryptionConfiguration.encryptionType",
          spec.encryptionConfiguration.encryptionType.name(),
          actual.encryptionType(),
          ChangeStrategy.IN_PLACE);
      changes.compareDeclared(
          "encryptionConfiguration.kmsKey",
          spec.encryptionConfiguration.kmsKey,
          actual.kmsKey(),
          ChangeStrategy.IN_PLACE);
    }
    RepositorySettingsDiff.tagMutability(
        changes,
        spec.imageTagMutability,
        spec.imageTagMutabilityExclusionFilters,
        actual.imageTagMutability(),
        actual.imageTagMutabilityExclusionFilters());
    RepositorySettingsDiff.policies(
        changes,
        spec.lifecyclePolicy,
        actual.lifecyclePolicy(),
        spec.repositoryPolicy,
        actual.repositoryPolicy());
    if (spec.resourceTags != null) {
      changes.compare(
          "resourceTags",
          Map.copyOf(spec.resourceTags),
          actual.resourceTags(),
          ChangeStrategy.IN_PLACE);
    }
    changes.compareDeclared(
        "customRoleArn", spec.customRoleArn, actual.customRoleArn(), ChangeStrategy.IN_PLACE);
    return changes.build();
  }
}

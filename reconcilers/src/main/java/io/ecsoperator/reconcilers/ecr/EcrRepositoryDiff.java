package io.ecsoperator.reconcilers.ecr;

import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.crds.ecr.EncryptionConfiguration;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.tags.UserTags;

/**
 * The difference between an ECR repository spec and AWS. Pure: only fields the user declared are
 * compared, so AWS defaults are never drift.
 */
public final class EcrRepositoryDiff {

  private EcrRepositoryDiff() {}

  public static ChangeSet diff(EcrRepositorySpec spec, EcrRepositoryState actual) {
    ChangeSet.Builder changes = ChangeSet.builder();
    RepositorySettingsDiff.tagMutability(
        changes,
        spec.imageTagMutability,
        spec.imageTagMutabilityExclusionFilters,
        actual.imageTagMutability(),
        actual.imageTagMutabilityExclusionFilters());
    if (spec.imageScanningConfiguration != null) {
      changes.compareDeclared(
          "imageScanningConfiguration.scanOnPush",
          spec.imageScanningConfiguration.scanOnPush,
          actual.scanOnPush(),
          ChangeStrategy.IN_PLACE);
    }
    diffEncryption(spec.encryptionConfiguration, actual, changes);
    RepositorySettingsDiff.policies(
        changes,
        spec.lifecyclePolicy,
        actual.lifecyclePolicy(),
        spec.repositoryPolicy,
        actual.repositoryPolicy());
    if (spec.tags != null) {
      changes.compare("tags", spec.tags, UserTags.of(actual.tags()), ChangeStrategy.TAGS_ONLY);
    }
    return changes.build();
  }

  private static void diffEncryption(
      EncryptionConfiguration desired, EcrRepositoryState actual, ChangeSet.Builder changes) {
    if (desired == null) {
      return;
    }
    changes.compare(
        "encryptionConfiguration.encryptionType",
        desired.encryptionType.name(),
        actual.encryptionType(),
        ChangeStrategy.REPLACE);
    if (desired.kmsKey != null && !sameKmsKey(desired.kmsKey, actual.kmsKey())) {
      changes.compare(
          "encryptionConfiguration.kmsKey",
          desired.kmsKey,
          actual.kmsKey(),
          ChangeStrategy.REPLACE);
    }
  }

  /**
   * AWS reports the key's ARN whatever form was given. A key ID matches the ARN's last part; an
   * alias cannot be resolved without KMS, so it is taken as matching.
   */
  static boolean sameKmsKey(String desired, String actualArn) {
    if (desired.equals(actualArn) || desired.startsWith("alias/") || desired.contains(":alias/")) {
      return true;
    }
    return actualArn != null && actualArn.endsWith("key/" + desired);
  }
}

package io.ecsoperator.reconcilers.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.ecr.ImageTagMutability;
import io.ecsoperator.crds.ecr.ImageTagMutabilityExclusionFilter;
import io.ecsoperator.crds.ecr.LifecyclePolicy;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.json.PolicyDocuments;
import java.util.List;

/**
 * The repository settings an EcrRepository and an EcrRepositoryCreationTemplate both declare, and
 * compare the same way: tag mutability with its exclusion filters, and the lifecycle and repository
 * policies as canonical values. All changes are in place.
 */
public final class RepositorySettingsDiff {

  private RepositorySettingsDiff() {}

  /** Tag mutability, and the exclusion filters when the mutability is declared. */
  public static void tagMutability(
      ChangeSet.Builder changes,
      ImageTagMutability desired,
      List<ImageTagMutabilityExclusionFilter> desiredFilters,
      String actual,
      List<String> actualFilters) {
    changes.compareDeclared(
        "imageTagMutability",
        desired == null ? null : desired.name(),
        actual,
        ChangeStrategy.IN_PLACE);
    if (desired != null) {
      changes.compare(
          "imageTagMutabilityExclusionFilters",
          ExclusionFilters.declared(desiredFilters),
          actualFilters,
          ChangeStrategy.IN_PLACE);
    }
  }

  /** The policies the spec declares, against the canonical ones AWS has (null when none). */
  public static void policies(
      ChangeSet.Builder changes,
      LifecyclePolicy desiredLifecycle,
      JsonNode actualLifecycle,
      JsonNode desiredRepositoryPolicy,
      JsonNode actualRepositoryPolicy) {
    if (desiredLifecycle != null) {
      changes.compare(
          "lifecyclePolicy",
          LifecyclePolicies.canonical(desiredLifecycle),
          actualLifecycle,
          ChangeStrategy.IN_PLACE);
    }
    if (desiredRepositoryPolicy != null) {
      changes.compare(
          "repositoryPolicy",
          PolicyDocuments.canonical(desiredRepositoryPolicy),
          actualRepositoryPolicy,
          ChangeStrategy.IN_PLACE);
    }
  }
}

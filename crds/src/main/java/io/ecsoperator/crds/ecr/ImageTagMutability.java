package io.ecsoperator.crds.ecr;

/** ECR's tag mutability modes; the *_WITH_EXCLUSION modes take exclusion filters. */
public enum ImageTagMutability {
  MUTABLE,
  IMMUTABLE,
  MUTABLE_WITH_EXCLUSION,
  IMMUTABLE_WITH_EXCLUSION;

  /**
   * CEL rule of a spec with imageTagMutability and imageTagMutabilityExclusionFilters (a repository
   * or a creation template): filters go with the *_WITH_EXCLUSION modes only.
   */
  public static final String EXCLUSION_FILTERS_RULE =
      "has(self.imageTagMutability) && self.imageTagMutability.endsWith('_WITH_EXCLUSION') =="
          + " (has(self.imageTagMutabilityExclusionFilters) &&"
          + " size(self.imageTagMutabilityExclusionFilters) > 0) ||"
          + " (!has(self.imageTagMutability) && !has(self.imageTagMutabilityExclusionFilters))";

  public static final String EXCLUSION_FILTERS_MESSAGE =
      "imageTagMutabilityExclusionFilters are required with the *_WITH_EXCLUSION modes and"
          + " forbidden otherwise";
}

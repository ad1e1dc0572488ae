package io.ecsoperator.crds.ecr;

/** ECR's tag mutability modes; the *_WITH_EXCLUSION modes take exclusion filters. */
public enum ImageTagMutability {
  MUTABLE,
  IMMUTABLE,
  MUTABLE_WITH_EXCLUSION,
  IMMUTABLE_WITH_EXCLUSION
}

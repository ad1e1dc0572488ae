package io.ecsoperator.crds.creationtemplate;

/** The ways ECR creates repositories that a creation template can apply to. */
public enum AppliedFor {
  CREATE_ON_PUSH,
  PULL_THROUGH_CACHE,
  REPLICATION
}

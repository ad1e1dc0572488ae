package io.ecsoperator.crds.taskdefinition;

/** Launch types a task definition is validated against. */
public enum Compatibility {
  EC2,
  FARGATE,
  EXTERNAL,
  MANAGED_INSTANCES
}

package io.ecsoperator.crds.common;

/** Whether the operator may write to AWS for this object. */
public enum ManagementPolicy {
  /** Create, update and delete the AWS resource to match the spec. */
  Manage,
  /** Only read the AWS resource and report drift; never write to AWS. */
  ObserveOnly
}

package io.ecsoperator.crds.common;

/** What happens to the AWS resource when its Kubernetes object is deleted. */
public enum DeletionPolicy {
  /** Delete the AWS resource, then release the object. */
  Delete,
  /** Leave the AWS resource as it is and only release the object. */
  Retain
}

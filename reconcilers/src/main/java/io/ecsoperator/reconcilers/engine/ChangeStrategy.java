package io.ecsoperator.reconcilers.engine;

/** How AWS can apply a changed field. */
public enum ChangeStrategy {
  /** An update call changes it in place. */
  IN_PLACE,
  /** A new immutable revision is needed (task definitions). */
  NEW_REVISION,
  /** AWS cannot change it after creation. */
  REPLACE,
  /** Only tags differ: TagResource / UntagResource. */
  TAGS_ONLY
}

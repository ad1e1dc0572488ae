package io.ecsoperator.reconcilers.tags;

import java.util.Map;
import java.util.Set;

/**
 * The tag calls of one AWS service for one resource. Each adapter supplies its service's calls;
 * what to add and remove is decided here once for every kind.
 */
public interface TagWriter {

  /** TagResource: adds or overwrites these tags. */
  void tag(Map<String, String> tags);

  /** UntagResource: removes these keys. */
  void untag(Set<String> keys);

  /**
   * Makes the user's tags on AWS equal {@code desired}: changed and new tags are written, user tags
   * no longer declared are removed, and reserved tags (aws:, ownership) are never touched.
   */
  default void sync(Map<String, String> desired, Map<String, String> actual) {
    Map<String, String> changed = UserTags.changed(desired, actual);
    Set<String> removed = UserTags.removed(desired, actual);
    if (!changed.isEmpty()) {
      tag(changed);
    }
    if (!removed.isEmpty()) {
      untag(removed);
    }
  }
}

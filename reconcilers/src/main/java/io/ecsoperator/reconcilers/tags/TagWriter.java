package io.ecsoperator.reconcilers.tags;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsCallGuard;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes the tags of one AWS resource. Each adapter supplies its service's TagResource and
 * UntagResource calls; what to add and remove is decided here once for every kind, and every call
 * goes through the guard.
 */
public final class TagWriter {

  private final AwsCallGuard guard;
  private final ApiCategory category;
  private final Consumer<Map<String, String>> tag;
  private final Consumer<Set<String>> untag;

  public TagWriter(
      AwsCallGuard guard,
      ApiCategory category,
      Consumer<Map<String, String>> tag,
      Consumer<Set<String>> untag) {
    this.guard = guard;
    this.category = category;
    this.tag = tag;
    this.untag = untag;
  }

  /** TagResource: adds or overwrites these tags. */
  public void tag(Map<String, String> tags) {
    guard.run(category, () -> tag.accept(tags));
  }

  /** UntagResource: removes the tags with these keys, reserved ones included. */
  public void untag(Set<String> keys) {
    guard.run(category, () -> untag.accept(keys));
  }

  /**
   * Makes the user's tags on AWS equal {@code desired}: changed and new tags are written, user tags
   * no longer declared are removed, and reserved tags (aws:, ownership) are never touched.
   */
  public void sync(Map<String, String> desired, Map<String, String> actual) {
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

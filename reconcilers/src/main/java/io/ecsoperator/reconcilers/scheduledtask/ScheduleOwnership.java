package io.ecsoperator.reconcilers.scheduledtask;

import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Who owns a schedule. EventBridge Scheduler schedules carry no tags (TagResource takes schedule
 * groups only), so the ownership tags are written where every schedule has room, its Description
 * (up to 512 characters): {@code Managed by ecs-operator: ecsoperator.io/owner=<ns>/<name>
 * ecsoperator.io/uid=<uid>}. Read back as tags, they go through the engine's ownership rules like
 * every kind's: no marker is unowned (adopted only with {@code adopt: true}, by writing the
 * marker), another object's marker is owned by other.
 */
public final class ScheduleOwnership {

  static final String PREFIX = "Managed by ecs-operator:";

  private ScheduleOwnership() {}

  /**
   * The Description of a schedule this object owns: the tags that decide ownership. The account's
   * tag stays out, as it decides nothing and a long name would not fit in 512 characters.
   */
  public static String description(ResourceRef ref) {
    return PREFIX
        + " "
        + new TreeMap<>(ref.withAccount(null).ownershipTags())
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
  }

  /** The ownership tags a Description carries; none when it has no marker. */
  public static Map<String, String> tagsOf(String description) {
    Map<String, String> tags = new TreeMap<>();
    if (description == null || !description.startsWith(PREFIX)) {
      return tags;
    }
    for (String pair : description.substring(PREFIX.length()).trim().split("\\s+")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        tags.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return tags;
  }
}

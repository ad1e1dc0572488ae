package io.ecsoperator.operator.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * When an object's next drift check is due: on a fixed grid, every resync interval at a phase that
 * only the object's drift-check group decides, rather than one interval after the object's own last
 * reconcile (JOSDK's maxReconciliationInterval).
 *
 * <p>Why: timed from each object's last reconcile, the checks of objects created or changed at
 * different times stay apart forever, so a kind that reads many objects in one AWS call (the
 * services of a cluster, 10 per DescribeServices) never gets to batch them: a pass over 50 services
 * spread over the interval made 25 to 50 calls instead of 5. On the grid, the objects of a group
 * are due at the same instant, whenever they were last reconciled, and JOSDK runs their checks as
 * one burst. Each group has its own phase, spread evenly over the interval by a hash of its name,
 * so that the operator's load stays spread and no group waits for another. An object that is its
 * own group (the default) keeps a check every interval at a phase of its own, as before.
 *
 * <p>The next check is the first grid instant strictly after now: an object reconciled for another
 * reason (a spec change, a dependency) between two checks is checked again at its group's next
 * instant, so the interval between two checks of one object is at most the resync interval.
 */
public final class DriftCheckSchedule {

  private DriftCheckSchedule() {}

  /** The group of an object checked on its own: its kind, namespace and name. */
  public static String ownGroup(HasMetadata object) {
    var meta = object.getMetadata();
    return object.getKind() + "/" + meta.getNamespace() + "/" + meta.getName();
  }

  /** The time from {@code now} to the group's next drift check, in (0, interval]. */
  public static Duration untilNext(Instant now, Duration interval, String group) {
    long period = interval.toMillis();
    long delay = phase(group, interval) - Math.floorMod(now.toEpochMilli(), period);
    return Duration.ofMillis(delay > 0 ? delay : delay + period);
  }

  /**
   * The group's checks happen when the epoch milliseconds modulo the interval equal this. A strong
   * hash, so that similar names ({@code web-01}, {@code web-02}) get unrelated phases.
   */
  static long phase(String group, Duration interval) {
    long hash =
        UUID.nameUUIDFromBytes(group.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    return Math.floorMod(hash, interval.toMillis());
  }
}

package io.ecsoperator.reconcilers.scheduledtask;

/**
 * A schedule's identity in its region: its group ({@code default} when the spec names none) and
 * name.
 */
public record ScheduleId(String group, String name) {

  public static final String DEFAULT_GROUP = "default";

  public static ScheduleId of(String group, String name) {
    return new ScheduleId(group == null ? DEFAULT_GROUP : group, name);
  }

  @Override
  public String toString() {
    return group + "/" + name;
  }
}

package io.ecsoperator.reconcilers.scheduledtask;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags of the tasks a schedule starts, as EcsParameters carries them: a list of {@code {"key":
 * k, "value": v}} maps (the API reference's "array of string to string maps", each one of RunTask's
 * tags).
 */
public final class ScheduleTags {

  private ScheduleTags() {}

  public static List<Map<String, String>> toAws(Map<String, String> tags) {
    return new TreeMap<>(tags)
        .entrySet().stream().map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList();
  }

  /** The tags as a map; an entry without a value has the empty value. */
  public static Map<String, String> of(List<Map<String, String>> aws) {
    Map<String, String> tags = new TreeMap<>();
    aws.forEach(tag -> tags.put(tag.get("key"), tag.getOrDefault("value", "")));
    return tags;
  }
}

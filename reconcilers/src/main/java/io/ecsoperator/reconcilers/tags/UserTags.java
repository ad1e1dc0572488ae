package io.ecsoperator.reconcilers.tags;

import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The tags a user manages: AWS's own ({@code aws:}) and the operator's ownership tags excluded. */
public final class UserTags {

  private UserTags() {}

  public static Map<String, String> of(Map<String, String> awsTags) {
    return awsTags.entrySet().stream()
        .filter(e -> !isReserved(e.getKey()))
        .collect(
            Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }

  public static boolean isReserved(String key) {
    return key.startsWith("aws:")
        || key.equals(ResourceRef.OWNER_TAG)
        || key.equals(ResourceRef.UID_TAG)
        || key.startsWith("ecsoperator.io/");
  }

  /** Keys to remove: on AWS, not reserved, no longer in the spec. */
  public static java.util.Set<String> removed(
      Map<String, String> desired, Map<String, String> actual) {
    return of(actual).keySet().stream()
        .filter(k -> !desired.containsKey(k))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Entries to add or change. */
  public static Map<String, String> changed(
      Map<String, String> desired, Map<String, String> actual) {
    return desired.entrySet().stream()
        .filter(e -> !e.getValue().equals(actual.get(e.getKey())))
        .collect(
            Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }
}

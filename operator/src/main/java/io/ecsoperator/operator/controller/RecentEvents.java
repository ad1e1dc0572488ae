package io.ecsoperator.operator.controller;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events recorded lately, by notice (object, type, reason, message): a repeat raises the count
 * of its event. Bounded, least recently used first out, so a long-running operator keeps no more
 * than this many keys.
 */
final class RecentEvents {

  private static final int CAPACITY = 4096;

  /** An Event's name and the count written to it. */
  record Recorded(String name, int count) {}

  private final Map<String, Recorded> byKey =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
          return size() > CAPACITY;
        }
      };

  synchronized Recorded get(String key) {
    return byKey.get(key);
  }

  synchronized void put(String key, Recorded recorded) {
    byKey.put(key, recorded);
  }
}

package io.ecsoperator.operator.controller;

import io.fabric8.kubernetes.api.model.Event;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events the API server could not take, kept until it answers again. Bounded: while it stays away
 * the oldest are dropped (and counted in the log), since the latest say most about the objects now.
 */
final class EventBacklog {

  private static final Logger LOG = LoggerFactory.getLogger(EventBacklog.class);
  static final int CAPACITY = 100;

  private final Deque<Map.Entry<String, Event>> pending = new ArrayDeque<>();
  private long dropped;

  synchronized void keep(String key, Event event) {
    if (pending.size() == CAPACITY) {
      pending.removeFirst();
      dropped++;
      LOG.warn("API server unreachable: dropped the oldest kept event ({} so far)", dropped);
    }
    pending.addLast(Map.entry(key, event));
  }

  /** Takes every kept event out, oldest first; those that fail again are kept anew. */
  synchronized List<Map.Entry<String, Event>> drain() {
    List<Map.Entry<String, Event>> all = List.copyOf(pending);
    pending.clear();
    return all;
  }

  synchronized int size() {
    return pending.size();
  }
}

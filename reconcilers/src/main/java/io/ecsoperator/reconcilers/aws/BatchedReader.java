package io.ecsoperator.reconcilers.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

/**
 * Reads AWS resources of one kind with as few describe calls as AWS allows: asked for one resource,
 * it describes it together with up to {@code batch - 1} other resources of the same group (what one
 * call can describe: a cluster's services, a region's clusters) that it has been asked for before,
 * and keeps those answers for a short while. Answers are never older than {@code maxAge}; a fresh
 * read (after our own writes, or for a new generation of a spec) always calls AWS, and {@link
 * #invalidate} drops an answer that our own write made stale. Two reads of the same resource at
 * once share one call. Thread-safe; one instance serves every object of a kind.
 *
 * <p>Batching needs the reads of a group to come within {@code maxAge} of each other: the operator
 * checks all the objects of one group for drift at the same instant.
 *
 * @param <G> the group: equal for exactly the resources one call can describe together
 * @param <V> what AWS describes of one resource
 */
public final class BatchedReader<G, V> {

  /** One describe call of a group: the resources found, by name; missing names do not exist. */
  @FunctionalInterface
  public interface Describe<G, V> {
    Map<String, V> call(G group, List<String> names);
  }

  private record Key<G>(G group, String name) {}

  /** An answer, or a call still under way; {@code startedAt} in nanoseconds. */
  private record Entry<V>(CompletableFuture<V> answer, long startedAt) {}

  private final int batch;
  private final Describe<G, V> describe;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private final Map<Key<G>, Entry<V>> answers = new HashMap<>();
  private final Map<G, Set<String>> known = new HashMap<>();

  /**
   * @param batch how many resources one call describes at most
   */
  public BatchedReader(int batch, Describe<G, V> describe, Duration maxAge, LongSupplier nanoTime) {
    this.batch = batch;
    this.describe = describe;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * The resource as AWS describes it, or null when it does not exist.
   *
   * @param fresh true to ignore answers already at hand
   */
  public V read(G group, String name, boolean fresh) {
    Key<G> key = new Key<>(group, name);
    CompletableFuture<V> answer;
    Map<Key<G>, Entry<V>> started = null;
    synchronized (this) {
      known.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(name);
      Entry<V> entry = answers.get(key);
      if (!fresh && entry != null && usable(entry)) {
        answer = entry.answer();
      } else {
        started = startBatch(key);
        answer = started.get(key).answer();
      }
    }
    if (started != null) {
      fetch(group, started);
    }
    try {
      return answer.join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }

  /** Drops the answer at hand for a resource we just changed. */
  public synchronized void invalidate(G group, String name) {
    answers.remove(new Key<>(group, name));
  }

  /** Stops describing a resource along with others: its object is gone. */
  public synchronized void forget(G group, String name) {
    answers.remove(new Key<>(group, name));
    Set<String> names = known.get(group);
    if (names != null) {
      names.remove(name);
    }
  }

  /**
   * The asked resource and up to batch - 1 known resources of its group that have no usable answer,
   * the longest unread first; each gets an entry whose answer the call will complete.
   */
  private Map<Key<G>, Entry<V>> startBatch(Key<G> asked) {
    long now = nanoTime.getAsLong();
    List<Key<G>> keys = new ArrayList<>();
    keys.add(asked);
    known.get(asked.group()).stream()
        .map(name -> new Key<>(asked.group(), name))
        .filter(k -> !k.equals(asked))
        .filter(k -> answers.get(k) == null || !usable(answers.get(k)))
        .sorted(Comparator.comparingLong(k -> startedAt(answers.get(k))))
        .limit(batch - 1L)
        .forEach(keys::add);
    Map<Key<G>, Entry<V>> started = new LinkedHashMap<>();
    keys.forEach(k -> started.put(k, new Entry<>(new CompletableFuture<>(), now)));
    answers.putAll(started);
    return started;
  }

  /** Makes the call and completes the batch's answers; a failure drops them. */
  private void fetch(G group, Map<Key<G>, Entry<V>> started) {
    try {
      Map<String, V> found =
          describe.call(group, started.keySet().stream().map(Key::name).toList());
      started.forEach((key, entry) -> entry.answer().complete(found.get(key.name())));
    } catch (RuntimeException error) {
      synchronized (this) {
        started.forEach(answers::remove);
      }
      started.values().forEach(e -> e.answer().completeExceptionally(error));
    }
  }

  /** Under way, or answered less than maxAge ago. */
  private boolean usable(Entry<V> entry) {
    return !entry.answer().isDone()
        || !entry.answer().isCompletedExceptionally()
            && nanoTime.getAsLong() - entry.startedAt() < maxAgeNanos;
  }

  private static long startedAt(Entry<?> entry) {
    return entry == null ? Long.MIN_VALUE : entry.startedAt();
  }
}

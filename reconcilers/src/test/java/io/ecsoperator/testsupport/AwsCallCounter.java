package io.ecsoperator.testsupport;

import io.ecsoperator.reconcilers.aws.AwsCallListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts AWS calls by operation at the client, for assertions such as "a resync writes nothing".
 */
public final class AwsCallCounter implements AwsCallListener {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  @Override
  public void onCall(String service, String operation, String outcome, Duration duration) {
    calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
  }

  public void reset() {
    calls.clear();
  }

  public Map<String, Integer> all() {
    Map<String, Integer> copy = new TreeMap<>();
    calls.forEach((op, n) -> copy.put(op, n.get()));
    return copy;
  }

  /** Calls that may change AWS: everything but Describe*, List* and Get*. */
  public Map<String, Integer> writes() {
    Map<String, Integer> writes = new TreeMap<>();
    all()
        .forEach(
            (op, n) -> {
              if (!isRead(op)) {
                writes.put(op, n);
              }
            });
    return writes;
  }

  public static boolean isRead(String operation) {
    return operation.startsWith("Describe")
        || operation.startsWith("List")
        || operation.startsWith("Get")
        // Checks that ECR can reach a rule's upstream; changes nothing.
        || operation.equals("ValidatePullThroughCacheRule");
  }
}

package io.ecsoperator.operator.testsupport;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the requests a Kubernetes client sends that may change the API server's state (every
 * method but GET: status patches, finalizers, events...), for assertions such as "a no-op drift
 * check writes nothing". Installed on a client through {@code
 * KubernetesClientBuilder.withHttpClientBuilderConsumer}.
 */
public final class KubernetesWriteCounter implements Interceptor {

  /** The part of a path after the namespace: plural, object name, subresource. */
  private static final Pattern NAMESPACED =
      Pattern.compile(".*/namespaces/[^/]+/([^/]+)(?:/[^/]+)?(/[^/?]+)?.*");

  private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if (!"GET".equals(request.method())) {
      writes
          .computeIfAbsent(
              request.method() + " " + target(request.uri().getPath()), k -> new AtomicInteger())
          .incrementAndGet();
    }
  }

  public void reset() {
    writes.clear();
  }

  /** Writes by method and target, e.g. {@code PATCH ecsservices/status} or {@code POST events}. */
  public Map<String, Integer> all() {
    Map<String, Integer> copy = new TreeMap<>();
    writes.forEach((target, n) -> copy.put(target, n.get()));
    return copy;
  }

  public int total() {
    return all().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** {@code plural[/subresource]} of a namespaced path, else the path itself. */
  static String target(String path) {
    Matcher m = NAMESPACED.matcher(path);
    if (!m.matches()) {
      return path;
    }
    return m.group(1) + (m.group(2) == null ? "" : m.group(2));
  }
}

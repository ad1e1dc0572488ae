package io.ecsoperator.operator.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The operator's small HTTP server for the kubelet and Prometheus: {@code /healthz} (liveness),
 * {@code /readyz} (readiness) and {@code /metrics}. GET only; one thread is plenty.
 */
public final class HttpEndpoints implements AutoCloseable {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "http-endpoints");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param live false once the operator has stopped: the kubelet restarts the container
   * @param ready true once the operator has started and its informers are synced and healthy
   */
  public HttpEndpoints(
      InetSocketAddress address,
      BooleanSupplier live,
      BooleanSupplier ready,
      Supplier<String> metrics) {
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
    server.createContext("/healthz", ex -> probe(ex, live, "ok", "operator stopped"));
    server.createContext("/readyz", ex -> probe(ex, ready, "ready", "not ready"));
    server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, metrics.get()));
    server.setExecutor(executor);
    server.start();
  }

  /** The port listened on (the one chosen when 0 was asked for). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void probe(HttpExchange exchange, BooleanSupplier check, String ok, String bad)
      throws IOException {
    boolean passed = check.getAsBoolean();
    respond(exchange, passed ? 200 : 503, "text/plain; charset=utf-8", (passed ? ok : bad) + "\n");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
  }
}

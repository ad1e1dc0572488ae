package io.ecsoperator.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {

  private final AtomicBoolean live = new AtomicBoolean(true);
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final HttpEndpoints endpoints =
      new HttpEndpoints(
          new InetSocketAddress("127.0.0.1", 0),
          live::get,
          ready::get,
          () -> "# HELP x\nx_total 3.0\n");
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    endpoints.close();
  }

  @Test
  void probesFollowTheOperatorsState() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(503);

    ready.set(true);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);

    live.set(false);
    assertThat(get("/healthz").statusCode()).isEqualTo(503);
    assertThat(get("/healthz").body()).contains("stopped");
  }

  @Test
  void metricsAreServedAsPrometheusText() throws Exception {
    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    assertThat(response.body()).contains("x_total 3.0");
  }

  @Test
  void onlyReadsAreAccepted() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/readyz"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + endpoints.port() + path);
  }
}

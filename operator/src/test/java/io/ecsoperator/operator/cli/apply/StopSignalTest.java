package io.ecsoperator.operator.cli.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.AwsSettings;
import io.ecsoperator.reconcilers.aws.GuardSettings;
import io.ecsoperator.reconcilers.engine.ErrorClassifier;
import io.ecsoperator.reconcilers.engine.TerminalException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class StopSignalTest {

  /**
   * After a stop request, a call is refused before anything is sent: the local server below counts
   * connections, and none arrives. The refusal is terminal, so the guard does not retry it.
   */
  @Test
  void refusesNewCallsBeforeTheyAreSent() throws Exception {
    StopSignal stop = new StopSignal();
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0)) {
      Thread accept =
          new Thread(
              () -> {
                try (Socket ignored = server.accept()) {
                  connections.incrementAndGet();
                } catch (Exception closed) {
                  // the test is over
                }
              });
      accept.start();
      try (AwsClientFactory aws =
          factory(URI.create("http://127.0.0.1:" + server.getLocalPort()), stop)) {
        AwsClients clients = aws.forRegion(null);
        stop.request();

        assertThatThrownBy(
                () ->
                    clients
                        .guard()
                        .call(ApiCategory.ECR_READ, () -> clients.ecr().describeRepositories()))
            .isInstanceOfSatisfying(
                TerminalException.class,
                e -> {
                  assertThat(e.reason()).isEqualTo("Interrupted");
                  assertThat(e.getMessage()).contains("DescribeRepositories");
                  assertThat(ErrorClassifier.classify(e).retryable()).isFalse();
                });
      }
    }
    assertThat(connections).hasValue(0);
    assertThat(stop.await(Duration.ZERO)).isTrue();
  }

  private static AwsClientFactory factory(URI endpoint, StopSignal stop) {
    return new AwsClientFactory(
        new AwsSettings(
            Optional.of(endpoint),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
            Region.US_EAST_1,
            new GuardSettings(
                3,
                Duration.ofMillis(10),
                Duration.ofMillis(20),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1))),
        stop);
  }
}

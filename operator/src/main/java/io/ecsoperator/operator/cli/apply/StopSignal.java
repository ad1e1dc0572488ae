package io.ecsoperator.operator.cli.apply;

import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.engine.TerminalException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during apply. Once requested, no new AWS call starts (each is refused before it is sent)
 * while the call in flight completes, so every AWS resource is left as one whole call made it; the
 * objects not reached are reported and a later apply picks up from there.
 */
public final class StopSignal implements AwsCallListener {

  private final CountDownLatch requested = new CountDownLatch(1);

  public void request() {
    requested.countDown();
  }

  public boolean requested() {
    return requested.getCount() == 0;
  }

  /** Waits up to {@code timeout}; true when a stop was requested meanwhile. */
  public boolean await(Duration timeout) throws InterruptedException {
    return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void beforeCall(String service, String operation) {
    if (requested()) {
      throw new TerminalException(
          "Interrupted", "stopped before " + service + " " + operation + " (Ctrl-C)");
    }
  }

  @Override
  public void onCall(String service, String operation, String outcome, Duration duration) {
    // Only the refusal above matters here.
  }
}

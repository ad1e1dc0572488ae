package io.ecsoperator.operator.cli.apply;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C while a command works with AWS: it raises the stop signal, and the JVM exits once the
 * command has finished what it does after a stop (the AWS call in flight, and for {@code run -f}
 * stopping its task), or after a grace period.
 */
public final class CtrlC implements AutoCloseable {

  /** How long Ctrl-C waits for the command before the JVM exits anyway. */
  private static final Duration GRACE = Duration.ofSeconds(60);

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private CtrlC(StopSignal stop) {
    hook = new Thread(() -> stopAndWait(stop), "ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Until closed, Ctrl-C requests {@code stop} and waits for the command to finish. */
  public static CtrlC install(StopSignal stop) {
    return new CtrlC(stop);
  }

  private void stopAndWait(StopSignal stop) {
    stop.request();
    try {
      finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The command has finished: a Ctrl-C waiting for it lets the JVM exit. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C: the hook is running and returns now.
    }
  }
}

package io.ecsoperator.reconcilers.aws;

import java.time.Duration;

/** Told about every AWS call that reaches the SDK: metrics in the operator, counters in tests. */
public interface AwsCallListener {

  AwsCallListener NONE = (service, operation, outcome, duration) -> {};

  /**
   * Called before each call is sent. Throwing refuses the call: the CLI refuses new calls once the
   * user pressed Ctrl-C, so the call in flight ends and nothing more is started.
   */
  default void beforeCall(String service, String operation) {}

  /**
   * @param outcome "success", or the CamelCase reason of the error
   */
  void onCall(String service, String operation, String outcome, Duration duration);
}

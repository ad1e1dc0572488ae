package io.ecsoperator.reconcilers.aws;

import java.time.Duration;

/** Told about every AWS call that reaches the SDK: metrics in the operator, counters in tests. */
public interface AwsCallListener {

  AwsCallListener NONE = (service, operation, outcome, duration) -> {};

  /**
   * @param outcome "success", or the CamelCase reason of the error
   */
  void onCall(String service, String operation, String outcome, Duration duration);
}

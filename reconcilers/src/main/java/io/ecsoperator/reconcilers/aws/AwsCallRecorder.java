package io.ecsoperator.reconcilers.aws;

import io.ecsoperator.reconcilers.engine.ErrorClassifier;
import java.time.Duration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Reports each AWS call at the SDK client, so nothing bypasses the count: every attempt, read or
 * write, success or failure.
 */
final class AwsCallRecorder implements ExecutionInterceptor {

  private static final ExecutionAttribute<Long> STARTED =
      new ExecutionAttribute<>("ecsoperator.started");

  private final AwsCallListener listener;

  AwsCallRecorder(AwsCallListener listener) {
    this.listener = listener;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    listener.beforeCall(
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    attributes.putAttribute(STARTED, System.nanoTime());
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    report(attributes, "success");
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    report(attributes, ErrorClassifier.classify(context.exception()).reason());
  }

  private void report(ExecutionAttributes attributes, String outcome) {
    Long started = attributes.getAttribute(STARTED);
    Duration duration =
        started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    listener.onCall(
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
        outcome,
        duration);
  }
}

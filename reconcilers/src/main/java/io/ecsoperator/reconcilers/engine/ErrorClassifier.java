package io.ecsoperator.reconcilers.engine;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one place where errors are sorted (DESIGN §3): throttling, 5xx, timeouts and connection
 * errors are retryable; AWS validation, access and conflict errors are terminal.
 */
public final class ErrorClassifier {

  /** Reason of a call our circuit breaker refused: AWS kept failing and calls are paused. */
  public static final String CIRCUIT_OPEN = "AwsCircuitOpen";

  /**
   * AWS error codes that come with a 4xx status yet pass on their own: timeouts, clock skew,
   * expired credentials (refreshed by the credential chain on the next attempt), ECS's update in
   * progress (a cluster's capacity providers still being attached, DeleteCluster meanwhile) and
   * Application Auto Scaling's concurrent update (a scalable target with an update pending).
   */
  private static final Set<String> TRANSIENT_CODES =
      Set.of(
          "RequestTimeout",
          "RequestTimeoutException",
          "PriorRequestNotComplete",
          "RequestTimeTooSkewed",
          "RequestInTheFuture",
          "RequestExpired",
          "InvalidSignatureException",
          "SignatureDoesNotMatch",
          "AuthFailure",
          "ExpiredToken",
          "ExpiredTokenException",
          "UpdateInProgressException",
          "ConcurrentUpdateException");

  /**
   * Errors whose code also stands for real validation errors, told apart by AWS's message (matched
   * ignoring case): ECS refusing a RegisterTaskDefinition while others of the same family are in
   * flight, and Application Auto Scaling not seeing a service ECS has just created.
   */
  private static final List<TransientMessage> TRANSIENT_MESSAGES =
      List.of(
          new TransientMessage(
              "ClientException",
              "too many concurrent attempts to create a new revision",
              "ConcurrentRevisionRegistration"),
          new TransientMessage(
              "ValidationException", "ecs service doesn't exist", "ServiceNotVisibleYet"));

  private record TransientMessage(String code, String fragment, String reason) {

    boolean matches(String errorCode, String message) {
      return code.equals(errorCode)
          && message != null
          && message.toLowerCase(Locale.ROOT).contains(fragment);
    }
  }

  private ErrorClassifier() {}

  public static ClassifiedError classify(Throwable error) {
    if (error instanceof TerminalException terminal) {
      return new ClassifiedError(false, terminal.reason(), terminal.getMessage());
    }
    if (error instanceof AwsServiceException aws) {
      return classifyAws(aws);
    }
    if (error instanceof CallNotPermittedException) {
      return new ClassifiedError(true, CIRCUIT_OPEN, "AWS calls paused after repeated failures");
    }
    if (error instanceof RateLimitedException limited) {
      return new ClassifiedError(
          true,
          "RateLimited",
          limited.comeBackIn().isPresent()
              ? "waiting for its turn under the client-side AWS rate limit"
              : "client-side AWS rate limit reached");
    }
    if (error instanceof SdkClientException) {
      return new ClassifiedError(true, "AwsUnreachable", error.getMessage());
    }
    return new ClassifiedError(true, "InternalError", String.valueOf(error));
  }

  private static ClassifiedError classifyAws(AwsServiceException aws) {
    String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
    String message =
        aws.awsErrorDetails() != null && aws.awsErrorDetails().errorMessage() != null
            ? aws.awsErrorDetails().errorMessage()
            : aws.getMessage();
    if (code != null && TRANSIENT_CODES.contains(code)) {
      return new ClassifiedError(true, reasonOf(code), message);
    }
    for (TransientMessage transientMessage : TRANSIENT_MESSAGES) {
      if (transientMessage.matches(code, message)) {
        return new ClassifiedError(true, transientMessage.reason(), message);
      }
    }
    if (aws.isThrottlingException() || aws.statusCode() == 429) {
      return new ClassifiedError(true, "Throttled", message);
    }
    if (aws.statusCode() >= 500 || aws.statusCode() == 0 && code == null) {
      return new ClassifiedError(true, "AwsServerError", message);
    }
    return new ClassifiedError(false, reasonOf(code), message);
  }

  /** "InvalidParameterException" becomes "InvalidParameter": a CamelCase reason (R7). */
  static String reasonOf(String errorCode) {
    if (errorCode == null || errorCode.isBlank()) {
      return "AwsError";
    }
    String reason = errorCode.replaceAll("[^A-Za-z0-9]", "");
    reason = reason.endsWith("Exception") ? reason.substring(0, reason.length() - 9) : reason;
    return reason.isEmpty()
        ? "AwsError"
        : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
  }
}

package io.ecsoperator.reconcilers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.applicationautoscaling.model.ConcurrentUpdateException;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.ServerException;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.UpdateInProgressException;

class ErrorClassifierTest {

  /** Details as the SDK's JSON protocol unmarshaller fills them from a real AWS error response. */
  private static AwsErrorDetails details(String service, String code, String message) {
    return AwsErrorDetails.builder()
        .serviceName(service)
        .errorCode(code)
        .errorMessage(message)
        .build();
  }

  private static EcrException ecrError(int status, String code, String message) {
    return (EcrException)
        EcrException.builder()
            .awsErrorDetails(details("Ecr", code, message))
            .statusCode(status)
            .requestId("5c1f7f8e-6a0b-4d2e-9d65-0a8f2b1c3d4e")
            .message(
                message
                    + " (Service: Ecr, Status Code: "
                    + status
                    + ", Request ID: 5c1f7f8e-6a0b-4d2e-9d65-0a8f2b1c3d4e)")
            .build();
  }

  @Test
  void throttlingExceptionCodeWithStatus400IsRetryable() {
    // ECR and ECS answer throttling with HTTP 400 and the code ThrottlingException: the SDK's
    // isThrottlingException() recognises it by the error code, not by the status.
    EcrException throttled = ecrError(400, "ThrottlingException", "Rate exceeded");
    assertThat(throttled.isThrottlingException()).isTrue();

    ClassifiedError classified = ErrorClassifier.classify(throttled);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("Throttled");
    assertThat(classified.message()).isEqualTo("Rate exceeded");
  }

  @ParameterizedTest
  @CsvSource({
    "400, TooManyRequestsException",
    "400, ThrottledException",
    "400, RequestLimitExceeded",
    "429, SomethingUnknown",
  })
  void otherThrottlingSignalsAreRetryable(int status, String code) {
    ClassifiedError classified =
        ErrorClassifier.classify(ecrError(status, code, "slow down, please"));

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("Throttled");
  }

  @Test
  void status429WithoutErrorDetailsIsThrottled() {
    AwsServiceException tooMany =
        AwsServiceException.builder().statusCode(429).message("Too Many Requests").build();

    ClassifiedError classified = ErrorClassifier.classify(tooMany);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("Throttled");
    assertThat(classified.message()).isEqualTo("Too Many Requests");
  }

  @Test
  void ecrServerExceptionIsRetryableWithAwsMessage() {
    ServerException server =
        (ServerException)
            ServerException.builder()
                .awsErrorDetails(
                    details("Ecr", "ServerException", "These server errors are temporary."))
                .statusCode(500)
                .build();

    ClassifiedError classified = ErrorClassifier.classify(server);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("AwsServerError");
    assertThat(classified.message()).isEqualTo("These server errors are temporary.");
  }

  @ParameterizedTest
  @CsvSource({
    "500, InternalFailure",
    "502, BadGateway",
    "503, ServiceUnavailableException",
    "504, GatewayTimeout",
  })
  void fiveHundredsAreRetryable(int status, String code) {
    ClassifiedError classified = ErrorClassifier.classify(ecrError(status, code, "try again"));

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("AwsServerError");
  }

  @Test
  void serviceExceptionWithoutStatusOrCodeIsRetryable() {
    AwsServiceException unknown =
        AwsServiceException.builder().message("response could not be parsed").build();

    ClassifiedError classified = ErrorClassifier.classify(unknown);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("AwsServerError");
    assertThat(classified.message()).isEqualTo("response could not be parsed");
  }

  @Test
  void connectionErrorIsRetryable() {
    SdkClientException refused =
        SdkClientException.create(
            "Unable to execute HTTP request: Connect to api.ecr.eu-west-1.amazonaws.com:443"
                + " failed: Connection refused");

    ClassifiedError classified = ErrorClassifier.classify(refused);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("AwsUnreachable");
    assertThat(classified.message()).contains("Connection refused");
  }

  @Test
  void apiCallTimeoutIsRetryable() {
    ApiCallTimeoutException timeout =
        ApiCallTimeoutException.builder()
            .message("Client execution did not complete before the specified timeout")
            .build();

    ClassifiedError classified = ErrorClassifier.classify(timeout);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("AwsUnreachable");
  }

  @Test
  void invalidParameterIsTerminalWithAwsMessage() {
    String awsMessage =
        "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle"
            + " policy validation failure: $.rules[0].selection.countNumber: must be at least 1'";
    InvalidParameterException invalid =
        (InvalidParameterException)
            InvalidParameterException.builder()
                .awsErrorDetails(details("Ecr", "InvalidParameterException", awsMessage))
                .statusCode(400)
                .message(awsMessage + " (Service: Ecr, Status Code: 400, Request ID: abc)")
                .build();

    ClassifiedError classified = ErrorClassifier.classify(invalid);

    assertThat(classified.retryable()).isFalse();
    assertThat(classified.reason()).isEqualTo("InvalidParameter");
    // AWS's own text, without the SDK's "(Service: ..., Request ID: ...)" suffix.
    assertThat(classified.message()).isEqualTo(awsMessage);
  }

  @Test
  void accessDeniedIsTerminal() {
    String awsMessage =
        "User: arn:aws:sts::123456789012:assumed-role/ecs-operator/i-0abc is not authorized to"
            + " perform: ecr:CreateRepository on resource:"
            + " arn:aws:ecr:eu-west-1:123456789012:repository/team/web because no"
            + " identity-based policy allows the ecr:CreateRepository action";

    ClassifiedError ecr =
        ErrorClassifier.classify(ecrError(400, "AccessDeniedException", awsMessage));
    ClassifiedError ecs =
        ErrorClassifier.classify(
            AccessDeniedException.builder()
                .awsErrorDetails(details("Ecs", "AccessDeniedException", awsMessage))
                .statusCode(400)
                .build());

    assertThat(ecr).isEqualTo(new ClassifiedError(false, "AccessDenied", awsMessage));
    assertThat(ecs).isEqualTo(new ClassifiedError(false, "AccessDenied", awsMessage));
  }

  @Test
  void ecsClientExceptionIsTerminal() {
    String awsMessage = "The specified capacity provider strategy cannot contain a launch type.";
    ClassifiedError classified = ErrorClassifier.classify(ecsClientError(awsMessage));

    assertThat(classified.retryable()).isFalse();
    assertThat(classified.reason()).isEqualTo("Client");
    assertThat(classified.message()).isEqualTo(awsMessage);
  }

  @Test
  void notFoundIsTerminalWithCamelCaseReason() {
    ClassifiedError classified =
        ErrorClassifier.classify(
            RepositoryNotFoundException.builder()
                .awsErrorDetails(
                    details(
                        "Ecr",
                        "RepositoryNotFoundException",
                        "The repository with name 'web' does not exist in the registry with id"
                            + " '123456789012'"))
                .statusCode(400)
                .build());

    assertThat(classified.retryable()).isFalse();
    assertThat(classified.reason()).isEqualTo("RepositoryNotFound");
  }

  @Test
  void terminalExceptionKeepsItsReasonAndMessage() {
    ClassifiedError classified =
        ErrorClassifier.classify(
            new TerminalException("OwnedByOther", "repository web is owned by apps/other"));

    assertThat(classified)
        .isEqualTo(
            new ClassifiedError(false, "OwnedByOther", "repository web is owned by apps/other"));
  }

  @Test
  void openCircuitBreakerIsRetryable() {
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("ECR");
    breaker.transitionToOpenState();
    CallNotPermittedException open =
        CallNotPermittedException.createCallNotPermittedException(breaker);

    ClassifiedError classified = ErrorClassifier.classify(open);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("AwsCircuitOpen");
    assertThat(classified.waiting()).as("waits, does not back off").isTrue();
  }

  @Test
  void clientSideRateLimitIsRetryable() {
    RateLimitedException limited = new RateLimitedException("us-east-1", "ECR_MODIFY");

    ClassifiedError classified = ErrorClassifier.classify(limited);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("RateLimited");
    assertThat(classified.waiting()).as("the limiter has waited already").isFalse();
  }

  @Test
  void unexpectedExceptionIsRetryableInternalError() {
    ClassifiedError classified = ErrorClassifier.classify(new IllegalStateException("boom"));

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("InternalError");
    assertThat(classified.message()).contains("boom");
  }

  @ParameterizedTest
  @CsvSource({"400, RequestTimeout", "400, RequestTimeoutException"})
  void requestTimeoutFromAwsIsRetryable(int status, String code) {
    ClassifiedError classified =
        ErrorClassifier.classify(ecrError(status, code, "Request timed out"));

    assertThat(classified.retryable()).isTrue();
  }

  @Test
  void anAutoScalingConcurrentUpdateIsRetryable() {
    // RegisterScalableTarget or PutScalingPolicy while an earlier update of the target is pending.
    ConcurrentUpdateException busy =
        (ConcurrentUpdateException)
            ConcurrentUpdateException.builder()
                .awsErrorDetails(
                    details(
                        "ApplicationAutoScaling",
                        "ConcurrentUpdateException",
                        "You already have a pending update to an Auto Scaling resource."))
                .statusCode(400)
                .build();

    ClassifiedError classified = ErrorClassifier.classify(busy);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("ConcurrentUpdate");
    assertThat(classified.message()).contains("pending update");
  }

  @Test
  void anEcsUpdateInProgressIsRetryable() {
    // PutClusterCapacityProviders and DeleteCluster while capacity providers are being attached.
    UpdateInProgressException busy =
        (UpdateInProgressException)
            UpdateInProgressException.builder()
                .awsErrorDetails(
                    details(
                        "Ecs",
                        "UpdateInProgressException",
                        "The specified cluster is in a busy state. Cluster attachments must be"
                            + " in UPDATE_COMPLETE or UPDATE_FAILED state before they can be"
                            + " updated."))
                .statusCode(400)
                .build();

    ClassifiedError classified = ErrorClassifier.classify(busy);

    assertThat(classified.retryable()).isTrue();
    assertThat(classified.reason()).isEqualTo("UpdateInProgress");
    assertThat(classified.message()).contains("busy state");
  }

  @Test
  void concurrentRegistrationsOfOneFamilyAreRetryable() {
    // ECS refuses a RegisterTaskDefinition while others of the same family are in flight (several
    // objects or CI pipelines at once); nothing was registered, a later attempt succeeds.
    String awsMessage =
        "Too many concurrent attempts to create a new revision of the specified family.";
    ClassifiedError classified = ErrorClassifier.classify(ecsClientError(awsMessage));

    assertThat(classified)
        .isEqualTo(new ClassifiedError(true, "ConcurrentRevisionRegistration", awsMessage));
  }

  @Test
  void aScalableTargetForAServiceNotVisibleYetIsRetryable() {
    // RegisterScalableTarget right after CreateService: Application Auto Scaling reads ECS, which
    // is eventually consistent, and may not see the new service for a few seconds.
    String awsMessage = "ECS service doesn't exist: service/shop/web";
    ClassifiedError classified = ErrorClassifier.classify(autoScalingValidation(awsMessage));

    assertThat(classified).isEqualTo(new ClassifiedError(true, "ServiceNotVisibleYet", awsMessage));
  }

  @Test
  void otherValidationErrorsOfTheSameCodesStayTerminal() {
    ClassifiedError classified =
        ErrorClassifier.classify(
            autoScalingValidation("Maximum capacity cannot be less than minimum capacity"));

    assertThat(classified.retryable()).isFalse();
    assertThat(classified.reason()).isEqualTo("Validation");
  }

  private static ClientException ecsClientError(String message) {
    return (ClientException)
        ClientException.builder()
            .awsErrorDetails(details("Ecs", "ClientException", message))
            .statusCode(400)
            .build();
  }

  private static ValidationException autoScalingValidation(String message) {
    return (ValidationException)
        ValidationException.builder()
            .awsErrorDetails(details("ApplicationAutoScaling", "ValidationException", message))
            .statusCode(400)
            .build();
  }

  @ParameterizedTest
  @CsvSource({
    "InvalidParameterException, InvalidParameter",
    "AccessDeniedException, AccessDenied",
    "ClientException, Client",
    "ValidationError, ValidationError",
    "limitExceededException, LimitExceeded",
  })
  void reasonIsCamelCaseWithoutExceptionSuffix(String code, String reason) {
    assertThat(ErrorClassifier.reasonOf(code)).isEqualTo(reason);
  }

  @Test
  void reasonFallsBackWhenCodeIsMissing() {
    assertThat(ErrorClassifier.reasonOf(null)).isEqualTo("AwsError");
    assertThat(ErrorClassifier.reasonOf("  ")).isEqualTo("AwsError");
    assertThat(ErrorClassifier.reasonOf("Exception")).isEqualTo("AwsError");
  }
}

package io.ecsoperator.reconcilers.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.ecsoperator.testsupport.AwsFaultProxy.action;
import static io.ecsoperator.testsupport.AwsFaultProxy.awsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.ecsoperator.reconcilers.engine.ErrorClassifier;
import io.ecsoperator.testsupport.AwsCallCounter;
import io.ecsoperator.testsupport.AwsFaultProxy;
import io.ecsoperator.testsupport.TestBed;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * The call guard against real faults: WireMock sits in front of the bed's moto, proxies every
 * request, and injects throttling, server errors, validation errors, dropped responses and latency
 * for one AWS action at a time (DESIGN §9). The production client factory talks to WireMock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsCallGuardFaultIT {

  private static final String DESCRIBE_REPOSITORIES =
      "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories";
  private static final String REPOSITORY = "fault/probe";
  private static final String SCENARIO = "fault";

  private final TestBed bed = TestBed.get();
  private AwsFaultProxy proxy;
  private AwsCallCounter calls;
  private AwsClientFactory factory;

  @BeforeAll
  void oneRepositoryInMoto() {
    bed.resetAws();
    try (AwsClientFactory direct = bed.awsClients(AwsCallListener.NONE)) {
      direct.forRegion(null).ecr().createRepository(r -> r.repositoryName(REPOSITORY));
    }
  }

  @BeforeEach
  void startWireMock() {
    proxy = AwsFaultProxy.inFrontOf(bed.awsEndpoint());
    calls = new AwsCallCounter();
    factory = factory(guard(Duration.ofMillis(50), Duration.ofSeconds(30)));
  }

  @AfterEach
  void stopWireMock() {
    if (factory != null) {
      factory.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void throttledTwiceThenServedSucceedsOnTheThirdAttempt() {
    failThenProxy(
        DESCRIBE_REPOSITORIES,
        awsError(400, "ThrottlingException", "Rate exceeded"),
        awsError(400, "ThrottlingException", "Rate exceeded"));

    DescribeRepositoriesResponse response = describeRepositories(factory.forRegion(null));

    assertThat(response.repositories()).extracting(Repository::repositoryName).contains(REPOSITORY);
    assertThat(calls.all()).containsEntry("DescribeRepositories", 3);
    assertThat(requestsFor(DESCRIBE_REPOSITORIES)).isEqualTo(3);
  }

  @Test
  void serverErrorsTwiceThenServedSucceeds() {
    failThenProxy(
        DESCRIBE_REPOSITORIES,
        awsError(500, "ServerException", "internal failure"),
        aResponse().withStatus(503).withBody("Service Unavailable"));

    DescribeRepositoriesResponse response = describeRepositories(factory.forRegion(null));

    assertThat(response.repositories()).extracting(Repository::repositoryName).contains(REPOSITORY);
    assertThat(calls.all()).containsEntry("DescribeRepositories", 3);
    assertThat(requestsFor(DESCRIBE_REPOSITORIES)).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"InvalidParameterException", "ValidationException"})
  void aValidationErrorFailsAtOnceWithoutRetry(String errorCode) {
    failThenProxy(
        DESCRIBE_REPOSITORIES,
        awsError(400, errorCode, "1 validation error detected"),
        awsError(400, errorCode, "1 validation error detected"));

    Throwable error = catchThrowable(() -> describeRepositories(factory.forRegion(null)));

    assertThat(error)
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode));
    assertThat(ErrorClassifier.classify(error).retryable()).isFalse();
    assertThat(ErrorClassifier.classify(error).message()).contains("1 validation error detected");
    assertThat(calls.all()).containsEntry("DescribeRepositories", 1);
    assertThat(requestsFor(DESCRIBE_REPOSITORIES)).isEqualTo(1);
  }

  @Test
  void rejectedRequestsDoNotOpenTheCircuit() {
    proxy
        .server()
        .stubFor(
            action(DESCRIBE_REPOSITORIES)
                .willReturn(awsError(400, "InvalidParameterException", "bad request")));
    AwsClients clients = factory.forRegion(null);
    for (int i = 0; i < 15; i++) {
      assertThat(catchThrowable(() -> describeRepositories(clients)))
          .isInstanceOf(AwsServiceException.class);
    }
    proxy.healAll();

    assertThat(describeRepositories(clients).repositories()).isNotEmpty();
    assertThat(requestsFor(DESCRIBE_REPOSITORIES)).isEqualTo(16);
  }

  @Test
  void repeatedServerErrorsOpenTheCircuitAndTheNextCallFailsFastWithoutReachingAws() {
    factory.close();
    // Backoff long enough that a retry of the refused call would show in its duration.
    factory = factory(guard(Duration.ofMillis(400), Duration.ofSeconds(30)));
    proxy
        .server()
        .stubFor(
            action(DESCRIBE_REPOSITORIES)
                .willReturn(awsError(503, "ServiceUnavailableException", "Service unavailable")));
    AwsClients clients = factory.forRegion(null);

    openCircuit(clients);
    int reachedAws = requestsFor(DESCRIBE_REPOSITORIES);
    int attempts = calls.all().get("DescribeRepositories");
    assertThat(reachedAws).as("requests before the circuit opened").isBetween(10, 20);

    long started = System.nanoTime();
    Throwable refused = catchThrowable(() -> describeRepositories(clients));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(refused).isInstanceOf(CallNotPermittedException.class);
    assertThat(ErrorClassifier.classify(refused).reason()).isEqualTo("AwsCircuitOpen");
    assertThat(took).as("fails fast, no backoff").isLessThan(Duration.ofMillis(150));
    assertThat(requestsFor(DESCRIBE_REPOSITORIES))
        .as("no request reached AWS")
        .isEqualTo(reachedAws);
    assertThat(calls.all().get("DescribeRepositories")).isEqualTo(attempts);

    // The breaker is per AWS service: ECS calls still go through.
    assertThat(
            clients
                .guard()
                .call(ApiCategory.ECS_CLUSTER_READ, () -> clients.ecs().listClusters())
                .clusterArns())
        .isNotNull();
  }

  @Test
  void anOpenCircuitLetsCallsThroughAgainOnceAwsRecovers() {
    factory.close();
    factory = factory(guard(Duration.ofMillis(50), Duration.ofSeconds(2)));
    StubMapping outage =
        proxy
            .server()
            .stubFor(
                action(DESCRIBE_REPOSITORIES)
                    .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
    AwsClients clients = factory.forRegion(null);
    openCircuit(clients);
    assertThat(catchThrowable(() -> describeRepositories(clients)))
        .isInstanceOf(CallNotPermittedException.class);

    proxy.heal(outage);

    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(CallNotPermittedException.class)
        .untilAsserted(() -> assertThat(describeRepositories(clients).repositories()).isNotEmpty());
  }

  @Test
  void aDroppedResponseIsRetried() {
    failThenProxy(DESCRIBE_REPOSITORIES, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    DescribeRepositoriesResponse response = describeRepositories(factory.forRegion(null));

    assertThat(response.repositories()).extracting(Repository::repositoryName).contains(REPOSITORY);
    assertThat(calls.all()).containsEntry("DescribeRepositories", 2);
    assertThat(requestsFor(DESCRIBE_REPOSITORIES)).isEqualTo(2);
  }

  @Test
  void aSlowResponseStillSucceeds() {
    proxy.server().stubFor(action(DESCRIBE_REPOSITORIES).willReturn(proxy.fromMotoAfter(2000)));

    long started = System.nanoTime();
    DescribeRepositoriesResponse response = describeRepositories(factory.forRegion(null));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(response.repositories()).extracting(Repository::repositoryName).contains(REPOSITORY);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(2000));
    assertThat(calls.all()).containsEntry("DescribeRepositories", 1);
    assertThat(requestsFor(DESCRIBE_REPOSITORIES)).isEqualTo(1);
  }

  /** Calls until the circuit refuses one; every call before fails with the injected error. */
  private static void openCircuit(AwsClients clients) {
    Throwable last = null;
    for (int i = 0; i < 10 && !(last instanceof CallNotPermittedException); i++) {
      last = catchThrowable(() -> describeRepositories(clients));
      assertThat(last).as("call %d fails", i + 1).isNotNull();
    }
    assertThat(last).as("the circuit opened").isInstanceOf(CallNotPermittedException.class);
  }

  private static DescribeRepositoriesResponse describeRepositories(AwsClients clients) {
    return clients.guard().call(ApiCategory.ECR_READ, () -> clients.ecr().describeRepositories());
  }

  /** The given responses, one per request, for the action; then the request goes to moto. */
  private void failThenProxy(String target, ResponseDefinitionBuilder... failures) {
    String state = Scenario.STARTED;
    for (int i = 0; i < failures.length; i++) {
      String next = i + 1 < failures.length ? "failure-" + (i + 1) : "healed";
      proxy
          .server()
          .stubFor(
              action(target)
                  .inScenario(SCENARIO)
                  .whenScenarioStateIs(state)
                  .willReturn(failures[i])
                  .willSetStateTo(next));
      state = next;
    }
  }

  private int requestsFor(String target) {
    return proxy.requestsFor(target);
  }

  private static GuardSettings guard(Duration initialBackoff, Duration circuitOpenFor) {
    return new GuardSettings(
        3, initialBackoff, initialBackoff.multipliedBy(10), Duration.ofSeconds(10), circuitOpenFor);
  }

  private AwsClientFactory factory(GuardSettings guard) {
    return new AwsClientFactory(
        new AwsSettings(
            Optional.of(proxy.endpoint()),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
            Region.of(bed.region()),
            guard),
        calls);
  }
}

package io.ecsoperator.reconcilers.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.AwsSettings;
import io.ecsoperator.reconcilers.aws.GuardSettings;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.testsupport.Specs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * ECS answering from AWS CLI outputs saved under {@code fixtures/cluster/}: the production ECS
 * client, with the SDK's own JSON unmarshalling, over an HTTP client that returns the saved output
 * for each operation. The CLI prints the ECS API's JSON response as it is, so the state is built
 * exactly the way the operator builds it from AWS. Tests of other ECS kinds give their own answers
 * ({@link #answering()}).
 */
public final class EcsFixtures implements SdkHttpClient {

  public static final String REGION = "eu-west-1";

  /** What each ECS operation answers: a status code and a body. */
  record Answer(int status, String body) {}

  private final Map<String, Function<JsonNode, Answer>> answers = new HashMap<>();
  private final List<String> operations = new ArrayList<>();
  private final List<JsonNode> requests = new ArrayList<>();

  private EcsFixtures() {}

  /** AWS as described by the output of {@code aws ecs describe-clusters --include ...}. */
  /** ECS with no answers yet: a test gives those of the operations it needs. */
  public static EcsFixtures answering() {
    return new EcsFixtures();
  }

  static EcsFixtures aws(String describeClustersFixture) {
    return new EcsFixtures().answer("DescribeClusters", load(describeClustersFixture));
  }

  /** The same output with text replaced, for variations of one real answer. */
  static EcsFixtures aws(String describeClustersFixture, String target, String replacement) {
    return new EcsFixtures()
        .answer("DescribeClusters", load(describeClustersFixture, target, replacement));
  }

  /** {@code operation} answers 200 with this body. */
  public EcsFixtures answer(String operation, String body) {
    answers.put(operation, request -> new Answer(200, body));
    return this;
  }

  /** {@code operation} answers these bodies in turn, and the last one from then on. */
  public EcsFixtures answers(String operation, String... bodies) {
    int[] next = {0};
    answers.put(
        operation, request -> new Answer(200, bodies[Math.min(next[0]++, bodies.length - 1)]));
    return this;
  }

  /** {@code operation} answers AWS's JSON error with this code and message. */
  public EcsFixtures fail(String operation, String code, String message) {
    answers.put(
        operation,
        request -> new Answer(400, Json.write(Map.of("__type", code, "message", message))));
    return this;
  }

  /** Saved CLI output with text replaced, for variations of one real answer. */
  static String load(String fixture, String target, String replacement) {
    String text = load(fixture);
    if (!text.contains(target)) {
      throw new IllegalArgumentException(fixture + " has no " + target);
    }
    return text.replace(target, replacement);
  }

  /**
   * The first cluster of a describe-clusters output as the {@code {"cluster": ...}} answer of
   * CreateCluster, UpdateCluster, PutClusterCapacityProviders and DeleteCluster.
   */
  static String clusterAnswer(String describeClustersOutput) {
    return Json.write(Map.of("cluster", Json.parse(describeClustersOutput).get("clusters").get(0)));
  }

  /** Saved CLI output, as text. */
  static String load(String fixture) {
    String resource = "/fixtures/cluster/" + fixture;
    try (InputStream in = EcsFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the cluster the way the adapter's observe() does. */
  EcsClusterState read(String clusterName) {
    return EcsClusterReader.read(clients(), clusterName);
  }

  /** ECS clients of the default region on these fixtures. */
  AwsClients clients() {
    return factory().forRegion(REGION);
  }

  /**
   * The production client factory over these fixtures (every call counted by {@code listener}),
   * with a guard that does not retry.
   */
  AwsClientFactory factory(AwsCallListener listener) {
    return new AwsClientFactory(
        new AwsSettings(
            Optional.empty(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("fixture", "fixture")),
            Region.of(REGION),
            new GuardSettings(
                1,
                Duration.ofMillis(1),
                Duration.ofMillis(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1))),
        listener,
        this);
  }

  public AwsClientFactory factory() {
    return factory(AwsCallListener.NONE);
  }

  /** ECS operations called so far, in order. */
  public List<String> operations() {
    return List.copyOf(operations);
  }

  /** The ECS operations that may change AWS, called so far, in order. */
  public List<String> writes() {
    return operations.stream()
        .filter(o -> !o.startsWith("Describe") && !o.startsWith("List"))
        .toList();
  }

  /** The body of the last request to {@code operation}. */
  public JsonNode lastRequest(String operation) {
    for (int i = operations.size() - 1; i >= 0; i--) {
      if (operations.get(i).equals(operation)) {
        return requests.get(i);
      }
    }
    throw new AssertionError("no " + operation + " call in " + operations);
  }

  /** A spec as the API server hands it over: YAML through Fabric8's mapper. */
  static EcsClusterSpec spec(String yaml) {
    return Specs.parse(yaml, EcsClusterSpec.class);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElseThrow();
    String operation = target.substring(target.indexOf('.') + 1);
    JsonNode body = Json.parse(readBody(request));
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        operations.add(operation);
        requests.add(body);
        Function<JsonNode, Answer> answer = answers.get(operation);
        if (answer == null) {
          throw new AssertionError("the fixtures have no answer to " + operation);
        }
        Answer result = answer.apply(body);
        byte[] bytes = result.body().getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
            .response(
                SdkHttpResponse.builder()
                    .statusCode(result.status())
                    .putHeader("Content-Type", "application/x-amz-json-1.1")
                    .putHeader("Content-Length", String.valueOf(bytes.length))
                    .putHeader("x-amzn-RequestId", "fixture")
                    .build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  private static String readBody(HttpExecuteRequest request) {
    Optional<software.amazon.awssdk.http.ContentStreamProvider> content =
        request.contentStreamProvider();
    if (content.isEmpty()) {
      return "{}";
    }
    try (InputStream in = content.get().newStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {}
}

package io.ecsoperator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsSettings;
import io.ecsoperator.reconcilers.aws.GuardSettings;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The real local test bed (kube-apiserver + etcd + moto) for tests: started once per test JVM by
 * {@code testbed/up}, the same script a developer runs, in the module's target/testbed. Maven's
 * post-integration-test phase runs {@code testbed/down} on it; a bed left by a run from an IDE is
 * reused by the next run (up is idempotent).
 */
public final class TestBed {

  /** moto reports this many running tasks per service, so rollouts of up to 10 tasks complete. */
  private static final String MOTO_RUNNING_TASKS = "10";

  private static TestBed instance;

  private final Path repoRoot;
  private final Path stateDir;
  private final Map<String, String> env;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestBed(Path repoRoot, Path stateDir, Map<String, String> env) {
    this.repoRoot = repoRoot;
    this.stateDir = stateDir;
    this.env = env;
  }

  public static synchronized TestBed get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  private static TestBed start() {
    Path root = findRepoRoot();
    Path state = Path.of(System.getProperty("user.dir"), "target", "testbed").toAbsolutePath();
    Map<String, String> upEnv =
        Map.of("TESTBED_DIR", state.toString(), "MOTO_ECS_SERVICE_RUNNING", MOTO_RUNNING_TASKS);
    Processes.run(root, upEnv, null, Duration.ofMinutes(30), root.resolve("testbed/up").toString())
        .assertSuccess("testbed/up");
    return new TestBed(root, state, readEnvFile(root, state));
  }

  /** The variables of {@code .testbed/env}: KUBECONFIG, AWS_*, PATH with the bed's kubectl. */
  public Map<String, String> env() {
    return env;
  }

  public Path repoRoot() {
    return repoRoot;
  }

  public Path stateDir() {
    return stateDir;
  }

  public Path kubeconfig() {
    return Path.of(env.get("KUBECONFIG"));
  }

  public URI awsEndpoint() {
    return URI.create(env.get("AWS_ENDPOINT_URL"));
  }

  public String region() {
    return env.get("AWS_REGION");
  }

  /** Forgets every AWS resource, so each test starts from an empty account. */
  public void resetAws() {
    post("/moto-api/reset", HttpRequest.BodyPublishers.noBody());
  }

  /**
   * Steers the bed's models of AWS through their control routes (testbed/aws/README.md), e.g.
   * {@code steerAws("/_ecsbed/config", "{\"timeScale\": 60}")}; moto's reset undoes it.
   */
  public void steerAws(String path, String json) {
    post(path, HttpRequest.BodyPublishers.ofString(json));
  }

  /**
   * Clients acting in another AWS account of the bed, as its administrator would (to make the role
   * the operator assumes there, or to look at what the operator made there).
   */
  public AwsClientFactory awsClientsIn(String accountId) {
    return new AwsClientFactory(
        awsSettings(awsEndpoint()).with(credentialsIn(accountId), Region.of(region())),
        AwsCallListener.NONE);
  }

  /** Credentials of the administrator of another AWS account of the bed. */
  public AwsCredentialsProvider credentialsIn(String accountId) {
    JsonNode session =
        Json.parse(
            post(
                "/_ecsbed/sts/account-credentials",
                HttpRequest.BodyPublishers.ofString("{\"account\": \"" + accountId + "\"}")));
    return StaticCredentialsProvider.create(
        AwsSessionCredentials.create(
            session.get("AccessKeyId").asText(),
            session.get("SecretAccessKey").asText(),
            session.get("SessionToken").asText()));
  }

  private String post(String path, HttpRequest.BodyPublisher body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(awsEndpoint().resolve(path))
                  .header("Content-Type", "application/json")
                  .POST(body)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The production client factory pointed at the bed's moto, with short retry waits. */
  public AwsClientFactory awsClients(AwsCallListener listener) {
    return awsClients(listener, awsEndpoint());
  }

  /** The same, through another endpoint, e.g. WireMock proxying to moto. */
  public AwsClientFactory awsClients(AwsCallListener listener, URI endpoint) {
    return new AwsClientFactory(awsSettings(endpoint), listener);
  }

  private AwsSettings awsSettings(URI endpoint) {
    return new AwsSettings(
        Optional.of(endpoint),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
        Region.of(region()),
        new GuardSettings(
            3,
            Duration.ofMillis(50),
            Duration.ofMillis(500),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5)));
  }

  /** Runs kubectl (the bed's build) against the bed, as a user would. */
  public Processes.Result kubectl(String... args) {
    return kubectlWithInput(null, args);
  }

  public Processes.Result kubectlWithInput(String stdin, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "kubectl";
    System.arraycopy(args, 0, command, 1, args.length);
    return Processes.run(repoRoot, env, stdin, Duration.ofMinutes(2), command);
  }

  /** Runs the AWS CLI against the bed's moto. */
  public Processes.Result aws(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "aws";
    System.arraycopy(args, 0, command, 1, args.length);
    return Processes.run(repoRoot, env, null, Duration.ofMinutes(1), command);
  }

  private static Map<String, String> readEnvFile(Path root, Path state) {
    // Let bash evaluate the file, so PATH and quoting come out exactly as a user's shell sees them.
    Processes.Result result =
        Processes.run(
            root,
            Map.of(),
            null,
            Duration.ofSeconds(30),
            "bash",
            "-c",
            ". '" + state.resolve("env") + "' && env -0");
    result.assertSuccess("reading the test bed env");
    Map<String, String> env = new HashMap<>();
    for (String entry : result.stdout().split("\0")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        env.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    for (String required : List.of("KUBECONFIG", "AWS_ENDPOINT_URL", "AWS_REGION", "PATH")) {
      if (!env.containsKey(required)) {
        throw new IllegalStateException(state.resolve("env") + " does not export " + required);
      }
    }
    return Map.copyOf(env);
  }

  private static Path findRepoRoot() {
    String configured = System.getProperty("repo.root");
    Path dir = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.dir"));
    for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("testbed/up"))) {
        return p;
      }
    }
    throw new IllegalStateException("no testbed/up above " + dir);
  }
}

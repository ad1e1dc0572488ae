package io.ecsoperator.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.OperatorApp;
import io.ecsoperator.operator.OperatorClient;
import io.ecsoperator.operator.observability.OperatorMetrics;
import io.ecsoperator.operator.settings.OperatorSettings;
import io.ecsoperator.operator.settings.Sharding;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.testsupport.AwsCallCounter;
import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The operator running in the test JVM against the real test bed, watching one namespace of its
 * own; tests drive it with kubectl as a user would and read AWS through the production clients.
 */
public final class OperatorHarness implements AutoCloseable {

  private static boolean crdsInstalled;

  public final TestBed bed = TestBed.get();
  public final AwsCallCounter calls = new AwsCallCounter();

  /** The requests of the operator's Kubernetes client that may change something. */
  public final KubernetesWriteCounter writes = new KubernetesWriteCounter();

  public final AwsClientFactory aws;
  public final KubernetesClient client;
  public final String namespace;
  private final OperatorApp app;

  private OperatorHarness(String namespace, OperatorSettings settings, URI awsEndpoint) {
    this.namespace = namespace;
    installCrds(bed);
    this.client = newClient(bed);
    this.aws = bed.awsClients(calls, awsEndpoint == null ? bed.awsEndpoint() : awsEndpoint);
    this.app =
        new OperatorApp(
            operatorClient(bed, http -> http.addOrReplaceInterceptor("writes", writes)),
            aws,
            settings);
    app.start();
  }

  /** Starts an operator watching a fresh namespace, with the given drift-check interval. */
  public static OperatorHarness start(String prefix, Duration resync) {
    return start(prefix, resync, null);
  }

  /**
   * The same, with the operator's AWS calls sent to {@code awsEndpoint} (e.g. WireMock proxying to
   * the bed's moto, to inject faults); null for moto itself.
   */
  public static OperatorHarness start(String prefix, Duration resync, URI awsEndpoint) {
    String namespace = createNamespace(TestBed.get(), prefix);
    return new OperatorHarness(namespace, settings(namespace, resync), awsEndpoint);
  }

  /**
   * Starts an operator watching the given namespaces, which exist; {@link #namespace} is the first.
   */
  public static OperatorHarness startOver(List<String> namespaces, Duration resync) {
    return new OperatorHarness(
        namespaces.get(0),
        new OperatorSettings(resync, Duration.ofSeconds(1), namespaces, 4),
        null);
  }

  /**
   * Starts one shard of several over {@code namespace}, which exists: it reconciles only the
   * objects its selector matches.
   */
  public static OperatorHarness startShard(String namespace, Duration resync, Sharding sharding) {
    return new OperatorHarness(namespace, settings(namespace, resync).withSharding(sharding), null);
  }

  private static OperatorSettings settings(String namespace, Duration resync) {
    return new OperatorSettings(resync, Duration.ofSeconds(1), List.of(namespace), 4);
  }

  /** {@code prefix-xxxxxx}: a name no other test or test run uses. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** Creates a namespace no operator of the test JVM watches, and returns its name. */
  public static String createNamespace(TestBed bed, String prefix) {
    String namespace = uniqueName(prefix);
    bed.kubectl("create", "namespace", namespace).assertSuccess("create namespace");
    return namespace;
  }

  /** {@code kubectl <args> -n <namespace>}. */
  public Processes.Result kubectl(String... args) {
    return bed.kubectl(inNamespace(args));
  }

  /** {@code kubectl apply -f -} of the given YAML in the test namespace. */
  public Processes.Result apply(String yaml) {
    return bed.kubectlWithInput(yaml, inNamespace("apply", "-f", "-"));
  }

  public void waitFor(String condition, String object, Duration timeout) {
    kubectl("wait", "--for=" + condition, object, "--timeout=" + timeout.toSeconds() + "s")
        .assertSuccess("kubectl wait --for=" + condition + " " + object);
  }

  /** A JSONPath read of a live object, e.g. {@code .status.repositoryUri}. */
  public String get(String object, String jsonPath) {
    return kubectl("get", object, "-o", "jsonpath={" + jsonPath + "}")
        .assertSuccess("kubectl get")
        .stdout();
  }

  private String[] inNamespace(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("-n");
    all.add(namespace);
    return all.toArray(String[]::new);
  }

  /** The operator's meters: reconciles by kind and result (its AWS calls are in {@link #calls}). */
  public OperatorMetrics metrics() {
    return app.metrics();
  }

  public static KubernetesClient newClient(TestBed bed) {
    return newClient(bed, http -> {});
  }

  /** A client of the bed's API server, its HTTP client set up by {@code http}. */
  public static KubernetesClient newClient(TestBed bed, Consumer<HttpClient.Builder> http) {
    return connect(new KubernetesClientBuilder(), bed, http);
  }

  /** The operator's client of the bed's API server, built as in production, e.g. reading less. */
  public static KubernetesClient operatorClient(TestBed bed, Consumer<HttpClient.Builder> http) {
    return connect(OperatorClient.builder(), bed, http);
  }

  private static KubernetesClient connect(
      KubernetesClientBuilder builder, TestBed bed, Consumer<HttpClient.Builder> http) {
    try {
      return builder
          .withConfig(Config.fromKubeconfig(Files.readString(bed.kubeconfig())))
          .withHttpClientBuilderConsumer(http)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Installs the chart's CRDs the way a user would, once per test JVM. */
  public static synchronized void installCrds(TestBed bed) {
    if (crdsInstalled) {
      return;
    }
    String crds = bed.repoRoot().resolve("charts/ecs-operator/crds").toString();
    bed.kubectl("apply", "--server-side", "-f", crds).assertSuccess("install CRDs");
    bed.kubectl("wait", "--for=condition=Established", "crd", "--all", "--timeout=60s")
        .assertSuccess("CRDs established");
    assertThat(bed.kubectl("api-resources", "--api-group=ecsoperator.io").stdout())
        .contains("ecrrepositories")
        .contains("ecsclusters");
    crdsInstalled = true;
  }

  @Override
  public void close() {
    app.close();
    client.close();
  }
}

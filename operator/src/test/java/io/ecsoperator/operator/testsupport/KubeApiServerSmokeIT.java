package io.ecsoperator.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Proves the test bed's API server is a real one: it serves a CRD with a status subresource,
 * validates with OpenAPI and CEL, streams watch events, enforces RBAC and reports the pinned
 * Kubernetes version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeApiServerSmokeIT {

  /** The release pinned in testbed/kube/go.mod. */
  private static final String KUBERNETES_VERSION = "v1.34.4";

  private static final String CRD = "widgets.smoke.ecsoperator.io";
  private static final ResourceDefinitionContext WIDGETS =
      new ResourceDefinitionContext.Builder()
          .withGroup("smoke.ecsoperator.io")
          .withVersion("v1")
          .withKind("Widget")
          .withPlural("widgets")
          .withNamespaced(true)
          .build();

  private final TestBed bed = TestBed.get();
  private final String namespace = "smoke-" + UUID.randomUUID().toString().substring(0, 6);
  private KubernetesClient client;

  @BeforeAll
  void installCrd() throws IOException {
    String crd;
    try (InputStream in = getClass().getResourceAsStream("/smoke/widgets-crd.yaml")) {
      assertThat(in).as("smoke/widgets-crd.yaml on the test classpath").isNotNull();
      crd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    bed.kubectlWithInput(crd, "apply", "-f", "-").assertSuccess("apply the Widget CRD");
    bed.kubectl("wait", "--for=condition=Established", "crd/" + CRD, "--timeout=60s")
        .assertSuccess("Widget CRD established");
    bed.kubectl("create", "namespace", namespace).assertSuccess("create namespace");
    client = OperatorHarness.newClient(bed);
  }

  @AfterAll
  void cleanUp() {
    if (client != null) {
      client.close();
    }
    bed.kubectl("delete", "namespace", namespace, "--wait=false");
    bed.kubectl("delete", "crd", CRD, "--wait=false");
  }

  @Test
  void reportsThePinnedKubernetesVersion() {
    assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo(KUBERNETES_VERSION);
    JsonNode versions =
        Json.parse(bed.kubectl("version", "-o", "json").assertSuccess("kubectl version").stdout());
    assertThat(versions.at("/serverVersion/gitVersion").asText()).isEqualTo(KUBERNETES_VERSION);
    assertThat(versions.at("/serverVersion/minor").asText()).isEqualTo("34");
    assertThat(versions.at("/clientVersion/gitVersion").asText())
        .as("the bed's kubectl is built from the same release")
        .isEqualTo(KUBERNETES_VERSION);
  }

  @Test
  void createsAndReadsBackACustomResourceWithSchemaDefaults() {
    widgets().resource(widget("created", 3)).create();

    GenericKubernetesResource read = widgets().withName("created").get();

    assertThat(read).isNotNull();
    assertThat(read.getMetadata().getUid()).isNotBlank();
    assertThat(read.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat((Object) read.get("spec", "size")).isEqualTo(3);
    assertThat((Object) read.get("spec", "color")).as("OpenAPI default").isEqualTo("blue");
    assertThat(bed.kubectl("get", "widget/created", "-n", namespace, "-o", "name").stdout())
        .isEqualToIgnoringWhitespace("widget.smoke.ecsoperator.io/created");
    GenericKubernetesResourceList list = widgets().list();
    assertThat(list.getItems()).extracting(w -> w.getMetadata().getName()).contains("created");
  }

  @Test
  void aWatchReceivesAnUpdateMadeAfterItStarted() throws InterruptedException {
    widgets().resource(widget("watched", 1)).create();
    List<String> events = new CopyOnWriteArrayList<>();
    CountDownLatch added = new CountDownLatch(1);
    CountDownLatch modified = new CountDownLatch(1);

    try (Watch watch =
        widgets()
            .withName("watched")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, GenericKubernetesResource widget) {
                    Object size = widget.get("spec", "size");
                    events.add(action + " size=" + size);
                    if (action == Action.ADDED) {
                      added.countDown();
                    } else if (action == Action.MODIFIED && Integer.valueOf(7).equals(size)) {
                      modified.countDown();
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {
                    events.add("CLOSED " + cause);
                  }
                })) {
      // A watch without a resourceVersion starts with the current state as ADDED.
      assertThat(added.await(30, TimeUnit.SECONDS)).as("ADDED; events: %s", events).isTrue();

      widgets()
          .withName("watched")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"size\":7}}");

      assertThat(modified.await(30, TimeUnit.SECONDS)).as("MODIFIED; events: %s", events).isTrue();
    }
    assertThat(events).startsWith("ADDED size=1").contains("MODIFIED size=7");
  }

  @Test
  void theStatusSubresourceIsSeparateFromTheSpec() {
    widgets().resource(widget("status", 2)).create();

    GenericKubernetesResource statusWritten =
        widgets()
            .withName("status")
            .subresource("status")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"Ready\"}}");
    assertThat((Object) statusWritten.get("status", "phase")).isEqualTo("Ready");
    assertThat(statusWritten.getMetadata().getGeneration())
        .as("a status write does not bump the generation")
        .isEqualTo(1L);

    GenericKubernetesResource specWritten =
        widgets()
            .withName("status")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"size\":4},\"status\":{\"phase\":\"Ignored\"}}");
    assertThat(specWritten.getMetadata().getGeneration())
        .as("a spec write bumps the generation")
        .isEqualTo(2L);
    assertThat((Object) specWritten.get("status", "phase"))
        .as("the main resource ignores status")
        .isEqualTo("Ready");
  }

  @Test
  void invalidObjectsAreRejectedByOpenApiAndCel() {
    Processes.Result tooSmall =
        bed.kubectlWithInput(widgetYaml("too-small", 0), "apply", "-n", namespace, "-f", "-");
    assertThat(tooSmall.exitCode()).isNotZero();
    assertThat(tooSmall.stderr())
        .contains("spec.size")
        .contains("should be greater than or equal to 1");

    Processes.Result tooBig =
        bed.kubectlWithInput(widgetYaml("too-big", 11), "apply", "-n", namespace, "-f", "-");
    assertThat(tooBig.exitCode()).isNotZero();
    assertThat(tooBig.stderr()).contains("size must be at most 10");

    assertThat(widgets().withName("too-small").get()).isNull();
    assertThat(widgets().withName("too-big").get()).isNull();
  }

  @Test
  void rbacDeniesAUserWithNoRights() throws IOException {
    Processes.Result nobody = bed.kubectl("auth", "can-i", "list", "pods", "--as=nobody");
    assertThat(nobody.stdout().trim()).isEqualTo("no");
    assertThat(nobody.exitCode()).isNotZero();
    Processes.Result admin = bed.kubectl("auth", "can-i", "list", "pods");
    assertThat(admin.stdout().trim()).isEqualTo("yes");
    assertThat(admin.exitCode()).isZero();

    Config config = Config.fromKubeconfig(Files.readString(bed.kubeconfig()));
    config.setImpersonateUsername("nobody");
    try (KubernetesClient asNobody = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThatThrownBy(
              () -> asNobody.genericKubernetesResources(WIDGETS).inNamespace(namespace).list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
  }

  @Test
  void rbacGrantsExactlyWhatARoleBindingAllows() {
    bed.kubectl(
            "create",
            "role",
            "widget-reader",
            "-n",
            namespace,
            "--verb=get,list,watch",
            "--resource=widgets.smoke.ecsoperator.io")
        .assertSuccess("create role");
    bed.kubectl(
            "create",
            "rolebinding",
            "widget-reader",
            "-n",
            namespace,
            "--role=widget-reader",
            "--user=reader")
        .assertSuccess("create rolebinding");

    assertThat(canI("reader", "list", "widgets.smoke.ecsoperator.io", namespace)).isEqualTo("yes");
    assertThat(canI("reader", "delete", "widgets.smoke.ecsoperator.io", namespace)).isEqualTo("no");
    assertThat(canI("reader", "list", "widgets.smoke.ecsoperator.io", "default")).isEqualTo("no");
    assertThat(canI("reader", "list", "pods", namespace)).isEqualTo("no");
  }

  private String canI(String user, String verb, String resource, String ns) {
    return bed.kubectl("auth", "can-i", verb, resource, "-n", ns, "--as=" + user).stdout().trim();
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      widgets() {
    return client.genericKubernetesResources(WIDGETS).inNamespace(namespace);
  }

  private static GenericKubernetesResource widget(String name, int size) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("smoke.ecsoperator.io/v1")
        .withKind("Widget")
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", size)))
        .build();
  }

  private static String widgetYaml(String name, int size) {
    return """
        apiVersion: smoke.ecsoperator.io/v1
        kind: Widget
        metadata:
          name: %s
        spec:
          size: %d
        """
        .formatted(name, size);
  }
}

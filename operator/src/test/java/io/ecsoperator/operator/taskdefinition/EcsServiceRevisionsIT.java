package io.ecsoperator.operator.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Which revisions the EcsServices of a namespace run, read from the real API server: EcsService
 * objects made with kubectl, their status written through the status subresource as the service
 * controller writes it. No operator runs here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EcsServiceRevisionsIT {

  private static final String ARN = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:";

  private final TestBed bed = TestBed.get();
  private KubernetesClient client;
  private String namespace;
  private String otherNamespace;

  @BeforeAll
  void ecsServicesKindAndNamespaces() throws IOException {
    OperatorHarness.installCrds(bed);
    if (bed.kubectl("get", "crd", "ecsservices.ecsoperator.io").exitCode() != 0) {
      bed.kubectlWithInput(standInCrd(), "apply", "-f", "-").assertSuccess("EcsService stand-in");
      bed.kubectl(
              "wait",
              "--for=condition=Established",
              "crd/ecsservices.ecsoperator.io",
              "--timeout=60s")
          .assertSuccess("EcsService kind established");
    }
    namespace = OperatorHarness.createNamespace(bed, "ecstd-inuse");
    otherNamespace = OperatorHarness.createNamespace(bed, "ecstd-inuse-other");
    client = OperatorHarness.newClient(bed);
  }

  @AfterAll
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void theRevisionsServicesRunOrPinAreInUseAndOnlyThoseOfTheNamespace() {
    EcsServiceRevisions revisions = new EcsServiceRevisions(client, namespace);
    assertThat(revisions.arns()).as("no EcsService yet").isEmpty();

    service(namespace, "running", "web");
    status(namespace, "running", ARN + "7");
    service(namespace, "pinned", ARN + "8");
    service(namespace, "by-family", "web:9");
    service(namespace, "new", "web");
    service(otherNamespace, "elsewhere", "web");
    status(otherNamespace, "elsewhere", ARN + "10");

    assertThat(revisions.arns())
        .as("the status's revision, and the spec's when it is an ARN")
        .containsExactlyInAnyOrder(ARN + "7", ARN + "8");
  }

  @Test
  void aKindTheApiServerDoesNotServeRunsNothing() {
    ResourceDefinitionContext missing =
        new ResourceDefinitionContext.Builder()
            .withGroup("ecsoperator.io")
            .withVersion("v1alpha1")
            .withKind("EcsNothing")
            .withPlural("ecsnothings")
            .withNamespaced(true)
            .build();

    assertThat(new EcsServiceRevisions(client, missing, namespace).arns()).isEmpty();
  }

  private void service(String ns, String name, String taskDefinition) {
    bed.kubectlWithInput(
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsService
            metadata:
              name: %s
            spec:
              cluster: shop
              taskDefinition: "%s"
            """
                .formatted(name, taskDefinition),
            "apply",
            "-f",
            "-",
            "-n",
            ns)
        .assertSuccess("apply EcsService " + name);
  }

  private void status(String ns, String name, String taskDefinition) {
    bed.kubectl(
            "patch",
            "ecsservice/" + name,
            "-n",
            ns,
            "--subresource=status",
            "--type=merge",
            "-p",
            "{\"status\":{\"taskDefinition\":\"" + taskDefinition + "\"}}")
        .assertSuccess("status of " + name);
  }

  private static String standInCrd() throws IOException {
    try (InputStream in =
        EcsServiceRevisionsIT.class.getResourceAsStream(
            "/taskdefinition/ecsservices-stand-in-crd.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

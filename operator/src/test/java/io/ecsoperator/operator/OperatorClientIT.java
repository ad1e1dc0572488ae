package io.ecsoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator's client against the real API server: it reads objects without managedFields, and
 * what it writes from such an object leaves the server's record of field managers whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorClientIT {

  private final TestBed bed = TestBed.get();
  private final String namespace = OperatorHarness.createNamespace(bed, "client");
  private KubernetesClient user;
  private KubernetesClient operator;

  @BeforeAll
  void clients() {
    OperatorHarness.installCrds(bed);
    user = OperatorHarness.newClient(bed);
    operator = OperatorHarness.operatorClient(bed, http -> {});
  }

  @AfterAll
  void cleanUp() {
    bed.kubectl("delete", "namespace", namespace, "--wait=false");
    user.close();
    operator.close();
  }

  @Test
  void readsWithoutManagedFieldsAndAnUpdateKeepsTheServersRecord() {
    bed.kubectlWithInput(
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcrRepository
            metadata: {name: pruned}
            spec: {}
            """,
            "apply",
            "--server-side",
            "-n",
            namespace,
            "-f",
            "-")
        .assertSuccess("kubectl apply --server-side");

    EcrRepository read = repositories(operator).withName("pruned").get();
    assertThat(read.getMetadata().getManagedFields()).isEmpty();
    assertThat(read.getMetadata().getResourceVersion()).isNotBlank();
    assertThat(managers(repositories(user).withName("pruned").get())).containsExactly("kubectl");

    read.getMetadata().setLabels(Map.of("touched", "by-the-operator"));
    EcrRepository updated = repositories(operator).resource(read).update();

    assertThat(updated.getMetadata().getLabels()).containsEntry("touched", "by-the-operator");
    assertThat(managers(repositories(user).withName("pruned").get()))
        .as("an update that leaves managedFields out keeps the server's, adding the writer's")
        .contains("kubectl")
        .hasSize(2);
  }

  private NonNamespaceOperation<
          EcrRepository, KubernetesResourceList<EcrRepository>, Resource<EcrRepository>>
      repositories(KubernetesClient client) {
    return client.resources(EcrRepository.class).inNamespace(namespace);
  }

  private static List<String> managers(EcrRepository live) {
    return live.getMetadata().getManagedFields().stream()
        .map(ManagedFieldsEntry::getManager)
        .toList();
  }
}

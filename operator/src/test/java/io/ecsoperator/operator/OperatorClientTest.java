package io.ecsoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.EcsService;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class OperatorClientTest {

  private final KubernetesSerialization serialization = OperatorClient.serialization();

  private static final String APPLIED =
      """
      {"apiVersion": "ecsoperator.io/v1alpha1", "kind": "EcsService",
       "metadata": {"name": "web", "namespace": "shop", "uid": "u-1", "resourceVersion": "41",
         "generation": 3, "labels": {"team": "web"}, "annotations": {"note": "kept"},
         "finalizers": ["ecsoperator.io/finalizer"],
         "managedFields": [{"manager": "kubectl", "operation": "Apply",
           "apiVersion": "ecsoperator.io/v1alpha1", "fieldsType": "FieldsV1",
           "fieldsV1": {"f:spec": {"f:desiredCount": {}}}}]},
       "spec": {"serviceName": "web", "desiredCount": 2},
       "status": {"observedGeneration": 3}}
      """;

  @Test
  void readsObjectsWithoutManagedFieldsAndAllElse() {
    EcsService read = serialization.unmarshal(APPLIED, EcsService.class);

    assertThat(read.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(read.getMetadata().getAdditionalProperties()).doesNotContainKey("managedFields");
    assertThat(read.getMetadata().getResourceVersion()).isEqualTo("41");
    assertThat(read.getMetadata().getGeneration()).isEqualTo(3L);
    assertThat(read.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(read.getMetadata().getLabels()).containsEntry("team", "web");
    assertThat(read.getMetadata().getAnnotations()).containsEntry("note", "kept");
    assertThat(read.getMetadata().getFinalizers()).containsExactly("ecsoperator.io/finalizer");
    assertThat(read.getSpec().desiredCount).isEqualTo(2);
    assertThat(read.getStatus().observedGeneration).isEqualTo(3L);
  }

  @Test
  void stillWritesManagedFieldsAnObjectWasBuiltWith() {
    EcsService built = new EcsService();
    built.setMetadata(
        new ObjectMetaBuilder()
            .withName("web")
            .withManagedFields(new ManagedFieldsEntryBuilder().withManager("tool").build())
            .build());

    assertThat(serialization.asJson(built)).contains("\"managedFields\"").contains("\"tool\"");
  }
}

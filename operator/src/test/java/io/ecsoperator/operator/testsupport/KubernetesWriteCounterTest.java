package io.ecsoperator.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the writes of the operator's client are named in the benchmark's table. */
class KubernetesWriteCounterTest {

  @Test
  void aWriteIsNamedByPluralAndSubresourceWithoutNamespaceAndName() {
    assertThat(
            KubernetesWriteCounter.target(
                "/apis/ecsoperator.io/v1alpha1/namespaces/drift-1/ecsservices/web-01/status"))
        .isEqualTo("ecsservices/status");
    assertThat(
            KubernetesWriteCounter.target(
                "/apis/ecsoperator.io/v1alpha1/namespaces/drift-1/ecsservices/web-01"))
        .isEqualTo("ecsservices");
    assertThat(KubernetesWriteCounter.target("/api/v1/namespaces/drift-1/events"))
        .isEqualTo("events");
    assertThat(KubernetesWriteCounter.target("/api/v1/namespaces")).isEqualTo("/api/v1/namespaces");
  }
}

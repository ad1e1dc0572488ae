package io.ecsoperator.operator.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.operator.cli.imports.ManifestWriter;
import io.ecsoperator.operator.cli.manifest.ManifestLoader;
import io.ecsoperator.operator.kinds.KindRegistry;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.service.ServiceDeclaration;
import io.ecsoperator.reconcilers.service.ServiceMemory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

class EcsServiceCliKindTest {

  private static final String RESTART = "2025-03-14T10:00:00Z";

  private static Service primarySince(String createdAt) {
    return Service.builder()
        .deployments(
            Deployment.builder()
                .status("ACTIVE")
                .createdAt(Instant.parse("2025-03-15T00:00:00Z"))
                .build(),
            Deployment.builder().status("PRIMARY").createdAt(Instant.parse(createdAt)).build())
        .build();
  }

  @Test
  void aRestartIsDoneOnceThePrimaryDeploymentStartedAtItsTimeOrLater() {
    assertThat(EcsServiceCliKind.restart(RESTART, primarySince("2025-03-14T10:00:00Z")))
        .isEqualTo(new ServiceMemory(RESTART, null, null));
    assertThat(
            EcsServiceCliKind.restart(
                "2025-03-14T12:00:00+02:00", primarySince("2025-03-14T10:00:01Z")))
        .as("offsets are times like others")
        .isEqualTo(new ServiceMemory("2025-03-14T12:00:00+02:00", null, null));
    assertThat(EcsServiceCliKind.restart(RESTART, primarySince("2025-03-14T09:59:59.999Z")))
        .as("an older PRIMARY deployment; a newer ACTIVE one does not count")
        .isEqualTo(ServiceMemory.NONE);
    assertThat(EcsServiceCliKind.restart(RESTART, null))
        .as("no service yet")
        .isEqualTo(ServiceMemory.NONE);
  }

  /** Services as real AWS describes them (the reconcilers' fixtures), imported and checked. */
  @ParameterizedTest
  @ValueSource(strings = {"describe-services-web.json", "describe-services-log-router-daemon.json"})
  void anImportedServiceIsAValidManifest(String fixture) throws IOException {
    Service service;
    try (InputStream in =
        EcsServiceCliKindTest.class.getResourceAsStream("/fixtures/service/" + fixture)) {
      service =
          SdkJson.fromJson(
                  Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                  DescribeServicesResponse.builder())
              .services()
              .get(0);
    }
    EcsServiceSpec spec = ServiceDeclaration.of(service);
    spec.clusterRef = new LocalObjectReference("shop");
    spec.taskDefinitionRef = new LocalObjectReference("web");
    spec.adopt = true;
    EcsService object = new EcsService();
    object.getMetadata().setName(service.serviceName());
    object.setSpec(spec);

    String yaml = ManifestWriter.toYaml(List.of(object), o -> List.of());

    var loaded =
        new ManifestLoader(
                KindRegistry.cliKinds(),
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
            .load(List.of("-"), "default");
    assertThat(loaded.manifests())
        .singleElement()
        .satisfies(m -> assertThat(m.name()).isEqualTo(service.serviceName()));
  }
}

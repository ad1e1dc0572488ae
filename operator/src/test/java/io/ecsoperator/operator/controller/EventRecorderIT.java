package io.ecsoperator.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Events against the real API server: repeats aggregated, notices kept while it is away. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventRecorderIT {

  private final TestBed bed = TestBed.get();
  private final String namespace = "events-" + UUID.randomUUID().toString().substring(0, 6);
  private KubernetesClient client;

  @BeforeAll
  void namespace() {
    bed.kubectl("create", "namespace", namespace).assertSuccess("create namespace");
    client = OperatorHarness.newClient(bed);
  }

  @AfterAll
  void cleanUp() {
    bed.kubectl("delete", "namespace", namespace, "--wait=false");
    client.close();
  }

  @Test
  void aHundredIdenticalNoticesLeaveOneEventWithCountAHundred() {
    ConfigMap object = object("repeated");
    EventRecorder recorder = new EventRecorder(client);
    for (int i = 0; i < 100; i++) {
      recorder.record(object, Notice.warning("DriftCorrected", "corrected desiredCount"));
    }
    recorder.record(object, Notice.normal("Updated", "updated tags"));

    List<Event> events = eventsOn(object);
    assertThat(events).hasSize(2);
    assertThat(events)
        .filteredOn(e -> e.getReason().equals("DriftCorrected"))
        .singleElement()
        .satisfies(e -> assertThat(e.getCount()).isEqualTo(100));
  }

  @Test
  void noticesTheApiServerCouldNotTakeAreRecordedWhenItIsBack() throws Exception {
    ConfigMap object = object("kept");
    URI server = URI.create(client.getConfiguration().getMasterUrl());
    try (TcpRelay relay = new TcpRelay(server.getHost(), server.getPort());
        KubernetesClient throughRelay = clientThrough(relay.port())) {
      EventRecorder recorder = new EventRecorder(throughRelay);
      relay.stop();
      recorder.record(object, Notice.warning("Throttled", "AWS throttled DescribeServices"));
      recorder.record(object, Notice.normal("Updated", "updated desiredCount"));
      assertThat(recorder.waiting()).isEqualTo(2);
      assertThat(eventsOn(object)).isEmpty();

      relay.start();
      // No new notice comes: the recorder's own retry records what it kept.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(eventsOn(object))
                      .extracting(Event::getReason)
                      .containsExactlyInAnyOrder("Throttled", "Updated"));
      assertThat(recorder.waiting()).isZero();
    }
  }

  private ConfigMap object(String name) {
    return client
        .configMaps()
        .inNamespace(namespace)
        .resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  private List<Event> eventsOn(ConfigMap object) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> object.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
        .toList();
  }

  /**
   * A client of the bed's API server reached through the relay, failing at once when it is down.
   */
  private KubernetesClient clientThrough(int port) throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(bed.kubeconfig()));
    config.setMasterUrl("https://127.0.0.1:" + port);
    config.setRequestRetryBackoffLimit(0);
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}

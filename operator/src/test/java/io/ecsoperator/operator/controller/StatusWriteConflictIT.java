package io.ecsoperator.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.operator.OperatorApp;
import io.ecsoperator.operator.observability.OperatorMetrics;
import io.ecsoperator.operator.settings.OperatorSettings;
import io.ecsoperator.operator.testsupport.KubernetesWriteCounter;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.operator.testsupport.OperatorProcess;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.testsupport.TestBed;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A status write that conflicts with another write of the object (here a label set while the
 * reconcile creates the repository) is applied again on the newer object within the same reconcile:
 * what the reconcile learnt reaches the API server, and nothing is done twice.
 */
class StatusWriteConflictIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  private final TestBed bed = TestBed.get();

  @Test
  void theStatusOfAReconcileWhoseWriteConflictedIsWrittenWithoutAnotherReconcile() {
    OperatorHarness.installCrds(bed);
    String namespace = OperatorHarness.createNamespace(bed, "conflict");
    String name = OperatorHarness.uniqueName("repo");
    AtomicInteger creates = new AtomicInteger();
    OperatorMetrics metrics = new OperatorMetrics();
    // Drift checks an hour apart: any second reconcile would come from the failed write.
    var settings =
        new OperatorSettings(Duration.ofHours(1), Duration.ofSeconds(1), List.of(namespace), 2);
    try (KubernetesClient user = OperatorHarness.newClient(bed)) {
      AwsCallListener labelDuringCreate =
          new AwsCallListener() {
            @Override
            public void beforeCall(String service, String operation) {
              if (operation.equals("CreateRepository")) {
                creates.incrementAndGet();
                user.resources(EcrRepository.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .edit(
                        r -> {
                          r.getMetadata().setLabels(Map.of("touched", "during-create"));
                          return r;
                        });
              }
            }

            @Override
            public void onCall(
                String service, String operation, String outcome, Duration duration) {
              metrics.onCall(service, operation, outcome, duration);
            }
          };
      KubernetesWriteCounter writes = new KubernetesWriteCounter();
      try (OperatorApp app =
          new OperatorApp(
              OperatorHarness.operatorClient(
                  bed, http -> http.addOrReplaceInterceptor("writes", writes)),
              bed.awsClients(labelDuringCreate),
              settings,
              metrics)) {
        app.start();
        EcrRepository repository = new EcrRepository();
        repository.setMetadata(
            new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        repository.setSpec(new EcrRepositorySpec());
        user.resource(repository).create();

        await()
            .atMost(WAIT)
            .untilAsserted(
                () -> {
                  EcrRepository live =
                      user.resources(EcrRepository.class)
                          .inNamespace(namespace)
                          .withName(name)
                          .get();
                  assertThat(live.getMetadata().getLabels())
                      .containsEntry("touched", "during-create");
                  assertThat(live.getStatus()).isNotNull();
                  assertThat(live.getStatus().arn).endsWith(":repository/" + name);
                });
        assertThat(creates).as("one CreateRepository").hasValue(1);
        assertThat(writes.all())
            .as("the first status write conflicted, the second, on the newer object, went through")
            .containsEntry("PATCH ecrrepositories/status", 2);
        assertThat(
                OperatorProcess.sum(
                    metrics.scrape(),
                    "ecsoperator_reconciles_seconds_count",
                    "kind=\"EcrRepository\"",
                    "operation=\"reconcile\""))
            .as("the conflict cost no second reconcile")
            .isEqualTo(1);
      }
    }
  }
}

package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * An EcsService following an EcsTaskDefinition object through taskDefinitionRef, end to end: it
 * waits while the object is absent, runs its current revision once it is Ready, and a new image in
 * the object reaches the service as the new revision's ARN within seconds. Needs the
 * EcsTaskDefinition controller in the operator.
 */
class EcsServiceTaskDefinitionRefE2EIT extends OperatorE2E {

  private static final String TASK_DEFINITION =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsTaskDefinition
      metadata:
        name: web
      spec:
        family: ref-web
        networkMode: awsvpc
        requiresCompatibilities: [FARGATE]
        cpu: "256"
        memory: "512"
        containerDefinitions:
          - name: web
            image: %s
            portMappings:
              - containerPort: 8080
      """;

  private static final String SERVICE =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsService
      metadata:
        name: web
      spec:
        clusterRef:
          name: ref-shop
        taskDefinitionRef:
          name: web
        desiredCount: 2
        launchType: FARGATE
      """;

  private AwsClientFactory setup;
  private EcsClient ecs;

  EcsServiceTaskDefinitionRefE2EIT() {
    super("svc-ref", new Example("daemon-service.yaml", "log-router", "serviceName", "log-router"));
  }

  @BeforeAll
  void cluster() {
    setup = h.bed.awsClients(AwsCallListener.NONE);
    ecs = setup.forRegion(null).ecs();
    h.apply(
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsCluster
            metadata:
              name: ref-shop
            spec: {}
            """)
        .assertSuccess("apply the cluster");
    h.waitFor("condition=Ready", "ecscluster/ref-shop", WAIT);
  }

  @AfterAll
  void closeSetupClients() {
    if (setup != null) {
      setup.close();
    }
  }

  @Test
  void theServiceWaitsForTheTaskDefinitionObjectAndFollowsItsRevisions() {
    h.apply(SERVICE).assertSuccess("apply the service");
    h.waitFor(
        "jsonpath={.status.conditions[?(@.type==\"Reconciling\")].reason}=WaitingForDependency",
        "ecsservice/web",
        WAIT);
    assertThat(h.get("ecsservice/web", ".status.conditions[?(@.type==\"Reconciling\")].message"))
        .isEqualTo("EcsTaskDefinition web does not exist");

    h.apply(TASK_DEFINITION.formatted("nginx:1.27")).assertSuccess("apply the task definition");
    h.waitFor("condition=Ready", "ecsservice/web", WAIT);
    String first = h.get("ecstaskdefinition/web", ".status.taskDefinitionArn");
    assertThat(describe().taskDefinition()).isEqualTo(first);

    h.apply(TASK_DEFINITION.formatted("nginx:1.28")).assertSuccess("change the image");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String current = h.get("ecstaskdefinition/web", ".status.taskDefinitionArn");
              assertThat(current).isNotEqualTo(first);
              assertThat(describe().taskDefinition()).isEqualTo(current);
            });
    h.waitFor("condition=Ready", "ecsservice/web", WAIT);
    KstatusAssert.live(h.bed, h.namespace, "ecsservice/web").isReady();
    assertThat(h.get("ecsservice/web", ".status.taskDefinition"))
        .isEqualTo(h.get("ecstaskdefinition/web", ".status.taskDefinitionArn"));

    h.kubectl("delete", "ecsservice/web", "--timeout=60s").assertSuccess("delete the service");
    assertThat(describe().status()).isEqualTo("INACTIVE");
  }

  private Service describe() {
    return ecs.describeServices(r -> r.cluster("ref-shop").services("web")).services().get(0);
  }
}

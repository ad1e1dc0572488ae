package io.ecsoperator.operator.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.testsupport.AwsFaultProxy;
import io.ecsoperator.testsupport.TestBed;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An AWS that does not keep a registered field as sent (issue 10): the object goes Ready on its one
 * revision, says what AWS did not keep in its Ready message and in one Warning event, and drift
 * checks neither register again nor repeat the event.
 */
class EcsTaskDefinitionNotKeptE2EIT extends OperatorE2E {

  private static final String ECS = "AmazonEC2ContainerServiceV20141113.";

  private final AwsFaultProxy proxy = AwsFaultProxy.inFrontOf(TestBed.get().awsEndpoint());

  EcsTaskDefinitionNotKeptE2EIT() {
    super("ecstd-notkept", new Example("fargate-web/task-definition.yaml", "web", "family", "web"));
  }

  @Override
  protected URI awsEndpoint() {
    proxy.dropFromResponses(ECS + "RegisterTaskDefinition", "startTimeout");
    proxy.dropFromResponses(ECS + "DescribeTaskDefinition", "startTimeout");
    return proxy.endpoint();
  }

  @AfterAll
  void stopProxy() {
    proxy.close();
  }

  @Test
  void readyWithTheWarningOnceAndOneRevision() throws InterruptedException {
    h.apply(
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsTaskDefinition
            metadata: {name: keeper}
            spec:
              requiresCompatibilities: [FARGATE]
              networkMode: awsvpc
              cpu: "256"
              memory: "512"
              containerDefinitions:
                - name: web
                  image: nginx:1.27
                  startTimeout: 30
            """)
        .assertSuccess("apply");

    h.waitFor("condition=Ready", "ecstaskdefinition/keeper", WAIT);
    // Several drift checks: none may register again or tell the user again.
    Thread.sleep(RESYNC.multipliedBy(4).toMillis());

    assertThat(h.get("ecstaskdefinition/keeper", ".status.conditions[?(@.type==\"Ready\")]"))
        .contains("\"status\":\"True\"")
        .contains("AWS did not keep as sent")
        .contains("containerDefinitions[web].startTimeout (sent 30, AWS has none)");
    assertThat(h.get("ecstaskdefinition/keeper", ".status.revision")).isEqualTo("1");
    assertThat(proxy.requestsFor(ECS + "RegisterTaskDefinition")).isEqualTo(1);
    assertThat(
            h.kubectl(
                    "get",
                    "events",
                    "--field-selector",
                    "involvedObject.name=keeper,reason=" + ReconcileEngine.NOT_KEPT,
                    "-o",
                    "jsonpath={.items[*].count}")
                .stdout())
        .as("one event, recorded once")
        .isEqualTo("1");
  }
}

package io.ecsoperator.operator.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.operator.testsupport.UnkeptStartTimeout;
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

  private final AwsFaultProxy proxy = AwsFaultProxy.inFrontOf(TestBed.get().awsEndpoint());

  EcsTaskDefinitionNotKeptE2EIT() {
    super("ecstd-notkept", new Example("fargate-web/task-definition.yaml", "web", "family", "web"));
  }

  @Override
  protected URI awsEndpoint() {
    UnkeptStartTimeout.dropIn(proxy);
    return proxy.endpoint();
  }

  @AfterAll
  void stopProxy() {
    proxy.close();
  }

  @Test
  void readyWithTheWarningOnceAndOneRevision() throws InterruptedException {
    h.apply(UnkeptStartTimeout.TASK_DEFINITION).assertSuccess("apply");

    h.waitFor("condition=Ready", "ecstaskdefinition/keeper", WAIT);
    // Several drift checks: none may register again or tell the user again.
    Thread.sleep(RESYNC.multipliedBy(4).toMillis());

    assertThat(h.get("ecstaskdefinition/keeper", ".status.conditions[?(@.type==\"Ready\")]"))
        .contains("\"status\":\"True\"")
        .contains(UnkeptStartTimeout.WARNING);
    assertThat(h.get("ecstaskdefinition/keeper", ".status.revision")).isEqualTo("1");
    assertThat(proxy.requestsFor(UnkeptStartTimeout.ECS + "RegisterTaskDefinition")).isEqualTo(1);
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

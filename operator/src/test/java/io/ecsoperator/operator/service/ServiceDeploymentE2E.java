package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.operator.testsupport.DeploymentLoadBalancer;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the blue/green, canary and linear end-to-end tests share: an ALB with a production and a
 * test listener rule around the service, the bed's clock 60 times faster (a 10-minute bake takes 10
 * s), and the examples' cluster and task definition (examples/blue-green/) with an image tag of the
 * test's choice in front of a service manifest under examples/.
 */
abstract class ServiceDeploymentE2E extends OperatorE2E {

  protected static final String SERVICE = "ecsservice/checkout";

  protected DeploymentLoadBalancer alb;
  private final String serviceFile;

  /** {@code serviceFile}: the service manifest under examples/, e.g. "canary/service.yaml". */
  protected ServiceDeploymentE2E(String namespacePrefix, String serviceFile) {
    super(namespacePrefix, new Example(serviceFile, "checkout", "serviceName", "checkout"));
    this.serviceFile = serviceFile;
  }

  @BeforeAll
  void loadBalancerAndAFastClock() {
    h.bed.steerAws("/_ecsbed/config", "{\"timeScale\": 60}");
    alb = new DeploymentLoadBalancer(h.bed);
  }

  @AfterAll
  void closeLoadBalancerClients() {
    if (alb != null) {
      alb.close();
    }
  }

  /** The cluster, the task definition running {@code imageTag}, and the service, for the bed. */
  protected String manifests(String imageTag) throws IOException {
    return alb.manifests(h.bed.repoRoot(), serviceFile, imageTag);
  }

  /** The service deployment status.rollout tracks. */
  protected String trackedDeployment() {
    return h.get(SERVICE, ".status.rollout.serviceDeploymentArn");
  }

  /** Waits until status.rollout tracks a deployment other than {@code previous}; returns it. */
  protected String awaitDeploymentAfter(String previous) {
    return await()
        .atMost(WAIT)
        .until(this::trackedDeployment, arn -> !arn.isBlank() && !arn.equals(previous));
  }

  /** status.rollout.productionTrafficPercent; null while the status shows none. */
  protected Double productionTrafficPercent() {
    String percent = h.get(SERVICE, ".status.rollout.productionTrafficPercent");
    return percent.isBlank() ? null : Double.valueOf(percent);
  }

  protected void annotate(String annotation) {
    h.kubectl("annotate", "--overwrite", SERVICE, annotation).assertSuccess("annotate");
  }

  protected JsonNode live() {
    return Json.parse(h.kubectl("get", SERVICE, "-o", "json").stdout());
  }

  /**
   * Prints the AWS calls counted since the last reset, by operation: what a deployment costs, for
   * the note on AWS calls per strategy.
   */
  protected void printCalls(String what) {
    System.out.println("AWS calls, " + what + ": " + h.calls.all());
  }

  /** Asserts that AWS sees no write for a few drift checks. */
  protected void noWritesDuring(Duration duration) {
    await()
        .during(duration)
        .atMost(duration.plus(RESYNC.multipliedBy(2)))
        .untilAsserted(() -> assertThat(h.calls.writes()).isEmpty());
  }
}

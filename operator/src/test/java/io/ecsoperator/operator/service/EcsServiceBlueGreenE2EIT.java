package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.operator.testsupport.ArgoCdHealth;
import io.ecsoperator.operator.testsupport.KstatusAssert;
import io.ecsoperator.operator.testsupport.OperatorE2E;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Blue/green end to end (issue 11): examples/blue-green/ applied with kubectl against the bed's
 * model of ECS service deployments, behind an ALB with a production and a test listener rule built
 * in the bed. The bed's clock runs 60 times faster, so the example's 15-minute bake takes 15 s.
 */
class EcsServiceBlueGreenE2EIT extends OperatorE2E {

  private static final String SERVICE = "ecsservice/checkout";

  private Ec2Client ec2;
  private ElasticLoadBalancingV2Client elb;
  private String blue;
  private String green;
  private String productionRule;
  private String manifests;

  EcsServiceBlueGreenE2EIT() {
    super("bg", new Example("blue-green/service.yaml", "checkout", "serviceName", "checkout"));
  }

  @BeforeAll
  void loadBalancerAndAFastClock() throws IOException {
    h.bed.steerAws("/_ecsbed/config", "{\"timeScale\": 60}");
    ec2 = client(Ec2Client.builder()).build();
    elb = client(ElasticLoadBalancingV2Client.builder()).build();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    List<String> subnets =
        List.of("a", "b").stream()
            .map(
                zone ->
                    ec2.createSubnet(
                            r ->
                                r.vpcId(vpc)
                                    .cidrBlock(zone.equals("a") ? "10.0.1.0/24" : "10.0.2.0/24")
                                    .availabilityZone(h.bed.region() + zone))
                        .subnet()
                        .subnetId())
            .toList();
    String group =
        ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("checkout").description("checkout"))
            .groupId();
    String lb =
        elb.createLoadBalancer(r -> r.name("shop").subnets(subnets))
            .loadBalancers()
            .get(0)
            .loadBalancerArn();
    blue = targetGroup(vpc, "checkout-blue");
    green = targetGroup(vpc, "checkout-green");
    String listener =
        elb.createListener(
                r ->
                    r.loadBalancerArn(lb)
                        .protocol("HTTP")
                        .port(80)
                        .defaultActions(a -> a.type("forward").targetGroupArn(blue)))
            .listeners()
            .get(0)
            .listenerArn();
    productionRule = rule(listener, 1, "/*");
    String testRule = rule(listener, 2, "/test/*");
    Path examples = h.bed.repoRoot().resolve("examples/blue-green");
    String service =
        Files.readString(examples.resolve("service.yaml"))
            .replaceAll("targetgroup/checkout-blue/\\w+", "@blue@")
            .replaceAll("arn:aws:elasticloadbalancing:[^\\s]*@blue@", blue)
            .replaceAll(
                "arn:aws:elasticloadbalancing:[^\\s]*targetgroup/checkout-green/\\w+", green)
            .replaceAll("productionListenerRule: .*", "productionListenerRule: " + productionRule)
            .replaceAll("testListenerRule: .*", "testListenerRule: " + testRule)
            .replace("subnet-0a1b2c3d4e5f60718", subnets.get(0))
            .replace("subnet-0f1e2d3c4b5a69788", subnets.get(1))
            .replace("sg-0123456789abcdef0", group);
    manifests =
        Files.readString(examples.resolve("cluster.yaml"))
            + "---\n"
            + Files.readString(examples.resolve("task-definition.yaml"))
            + "---\n"
            + service;
  }

  @AfterAll
  void closeClients() {
    if (ec2 != null) {
      ec2.close();
      elb.close();
    }
  }

  @Test
  void aPausedDeploymentWaitsForApprovalFromKubectlThenBakesAndGoesReady() throws IOException {
    h.apply(manifests).assertSuccess("apply examples/blue-green");

    waitForReason(SERVICE, "Reconciling", "AwaitingApproval");
    String hook = h.get(SERVICE, ".status.rollout.pendingHook.hookId");
    String deployment = h.get(SERVICE, ".status.rollout.serviceDeploymentArn");
    assertThat(hook).isNotBlank();
    assertThat(deployment).contains(":service-deployment/checkout/checkout/");
    assertThat(h.get(SERVICE, ".status.rollout.strategy")).isEqualTo("BLUE_GREEN");
    assertThat(h.get(SERVICE, ".status.rollout.lifecycleStage"))
        .isEqualTo("POST_TEST_TRAFFIC_SHIFT");
    assertThat(h.get(SERVICE, conditionMessage("Reconciling")))
        .contains("hook " + hook + " awaits approval")
        .contains("ecsoperator.io/approve=" + hook);
    assertThat(h.kubectl("get", "ecssvc", "checkout").stdout()).contains("POST_TEST_TRAFFIC_SHIFT");
    JsonNode paused = live();
    KstatusAssert.of(paused).isReconciling("AwaitingApproval");
    assertThat(ArgoCdHealth.ofChart(h.bed.repoRoot()).evaluate(paused).status())
        .isEqualTo("Suspended");
    assertThat(weights(productionRule)).isEqualTo(Map.of(blue, 100, green, 0));

    // An answer for another hook is never applied.
    h.kubectl("annotate", "--overwrite", SERVICE, "ecsoperator.io/approve=0ld0h00k")
        .assertSuccess("annotate a stale approval");
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(h.get(SERVICE, ".status.rollout.pendingHook.hookId")).isEqualTo(hook));
    assertThat(h.get(SERVICE, conditionMessage("Reconciling"))).contains("is ignored");

    h.kubectl("annotate", "--overwrite", SERVICE, "ecsoperator.io/approve=" + hook)
        .assertSuccess("approve");

    waitForReason(SERVICE, "Reconciling", "Baking");
    assertThat(h.get(SERVICE, ".status.rollout.bakeEndsAt")).isNotBlank();
    assertThat(weights(productionRule)).isEqualTo(Map.of(blue, 0, green, 100));
    h.waitFor("condition=Ready", SERVICE, WAIT);
    assertThat(h.get(SERVICE, ".status.rollout.status")).isEqualTo("SUCCESSFUL");
    assertThat(h.get(SERVICE, ".status.rollout.serviceDeploymentArn")).isEqualTo(deployment);
    assertThat(events("checkout")).contains("RolloutApproved");

    // ECS swapped the target groups and owns the listener weights: drift checks leave them be.
    h.calls.reset();
    await()
        .during(RESYNC.multipliedBy(3))
        .atMost(RESYNC.multipliedBy(5))
        .untilAsserted(() -> assertThat(h.calls.writes()).isEmpty());
    assertThat(weights(productionRule)).isEqualTo(Map.of(blue, 0, green, 100));
  }

  private JsonNode live() {
    return Json.parse(h.kubectl("get", SERVICE, "-o", "json").stdout());
  }

  private Map<String, Integer> weights(String rule) {
    Action forward = elb.describeRules(r -> r.ruleArns(rule)).rules().get(0).actions().get(0);
    return forward.forwardConfig().targetGroups().stream()
        .collect(Collectors.toMap(TargetGroupTuple::targetGroupArn, TargetGroupTuple::weight));
  }

  private String targetGroup(String vpc, String name) {
    return elb.createTargetGroup(
            r -> r.name(name).protocol("HTTP").port(8080).vpcId(vpc).targetType("ip"))
        .targetGroups()
        .get(0)
        .targetGroupArn();
  }

  private String rule(String listener, int priority, String path) {
    return elb.createRule(
            r ->
                r.listenerArn(listener)
                    .priority(priority)
                    .conditions(c -> c.field("path-pattern").values(path))
                    .actions(
                        a ->
                            a.type("forward")
                                .forwardConfig(
                                    f ->
                                        f.targetGroups(
                                            t -> t.targetGroupArn(blue).weight(100),
                                            t -> t.targetGroupArn(green).weight(0)))))
        .rules()
        .get(0)
        .ruleArn();
  }

  private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B client(
      B builder) {
    return builder
        .endpointOverride(h.bed.awsEndpoint())
        .region(Region.of(h.bed.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
  }
}

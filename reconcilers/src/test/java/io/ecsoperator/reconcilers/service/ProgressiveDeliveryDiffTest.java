package io.ecsoperator.reconcilers.service;

import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_7;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.service;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.FieldChange;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The diff and UpdateService of BLUE_GREEN, LINEAR and CANARY services (issue 11 §1, DESIGN §7):
 * what AWS fills is not drift, and the target group pair ECS swaps is never swapped back. The
 * fixture is the web service's describe-services output after one blue/green deployment, in the
 * response shape of the ECS API reference (DescribeServices, DeploymentConfiguration,
 * DeploymentLifecycleHook) with every default AWS documents filled in.
 */
class ProgressiveDeliveryDiffTest {

  private static final String BLUE_GREEN = "describe-services-web-blue-green.json";
  private static final String TG =
      "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/";
  private static final String BLUE = TG + "web-blue/6d0ecf831eec9f09";
  private static final String GREEN = TG + "web-green/0f6a4b1c2d3e4f50";
  private static final ResolvedService WEB_7 = new ResolvedService("web", "shop", WEB_TD_7);

  /** The spec as first applied: blue serving, green the alternate; AWS's defaults left out. */
  private static final String SPEC =
      """
      cluster: shop
      taskDefinition: web:7
      loadBalancers:
        - targetGroupArn: %s
          containerName: web
          containerPort: 8080
          advancedConfiguration:
            alternateTargetGroupArn: %s
            productionListenerRule: arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2/9ac4e2c5a7b3d1f0
            testListenerRule: arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/shop/50dc6c495c0c9188/0467ef3c8400ae65/1c2d3e4f5a6b7c8d
            roleArn: arn:aws:iam::123456789012:role/ecs-blue-green
      deploymentConfiguration:
        deploymentCircuitBreaker: {enable: true, rollback: true}
        strategy: BLUE_GREEN
        bakeTimeInMinutes: 10
        lifecycleHooks:
          - targetType: PAUSE
            lifecycleStages: [PRE_PRODUCTION_TRAFFIC_SHIFT]
          - hookTargetArn: arn:aws:lambda:eu-west-1:123456789012:function:smoke-test
            roleArn: arn:aws:iam::123456789012:role/ecs-hooks
            lifecycleStages: [POST_TEST_TRAFFIC_SHIFT]
      """
          .formatted(BLUE, GREEN);

  /** The same with every default AWS fills spelt out. */
  private static final String SPEC_WITH_DEFAULTS =
      SPEC.replace(
              "deploymentCircuitBreaker: {enable: true, rollback: true}",
              "deploymentCircuitBreaker: {enable: true, rollback: true, resetOnHealthyTask: true,"
                  + " thresholdConfiguration: {type: BOUNDED_PERCENT, value: 50}}")
          .replace(
              "lifecycleStages: [PRE_PRODUCTION_TRAFFIC_SHIFT]",
              "lifecycleStages: [PRE_PRODUCTION_TRAFFIC_SHIFT]\n"
                  + "      timeoutConfiguration: {timeoutInMinutes: 1440, action: ROLLBACK}")
          .replace(
              "lifecycleStages: [POST_TEST_TRAFFIC_SHIFT]",
              "lifecycleStages: [POST_TEST_TRAFFIC_SHIFT]\n      targetType: AWS_LAMBDA");

  private static ChangeSet diff(String yaml, Service actual) {
    return EcsServiceDiff.diff(spec(yaml), WEB_7, new EcsServiceState(actual, null, null));
  }

  @Test
  void theDefaultsAwsFillsAreNoDriftWhetherLeftOutOrSpeltOut() {
    assertThat(diff(SPEC, service(BLUE_GREEN)).changes()).isEmpty();
    assertThat(diff(SPEC_WITH_DEFAULTS, service(BLUE_GREEN)).changes()).isEmpty();
  }

  @Test
  void theTargetGroupPairIsTheSameInEitherOrderButNotWithAnotherTargetGroup() {
    String swappedBack =
        SPEC.formatted().replace(BLUE, "X").replace(GREEN, BLUE).replace("X", GREEN);

    assertThat(diff(swappedBack, service(BLUE_GREEN)).changes()).isEmpty();
    assertThat(diff(SPEC.replace(GREEN, TG + "web-canary/1a2b3c4d5e6f7a8b"), service(BLUE_GREEN)))
        .extracting(changes -> changes.changes().stream().map(FieldChange::path).toList())
        .isEqualTo(List.of("loadBalancers"));
  }

  @Test
  void anUpdateKeepsTheTargetGroupEcsServesFrom() {
    EcsServiceSpec spec = spec(SPEC.replace("containerPort: 8080", "containerPort: 8081"));
    Service live = service(BLUE_GREEN);

    UpdateServiceRequest request = update(spec, live);

    LoadBalancer sent = request.loadBalancers().get(0);
    assertThat(sent.containerPort()).isEqualTo(8081);
    assertThat(sent.targetGroupArn()).as("green serves since the last deployment").isEqualTo(GREEN);
    assertThat(sent.advancedConfiguration().alternateTargetGroupArn()).isEqualTo(BLUE);
  }

  @Test
  void aNewStrategyIsSentWithoutTheStepsAwsFilledForTheFormerOne() {
    EcsServiceSpec spec =
        spec(
            SPEC.replace("strategy: BLUE_GREEN", "strategy: CANARY")
                + "  canaryConfiguration: {canaryPercent: 20}\n");

    UpdateServiceRequest request = update(spec, linearWithAwsSteps());

    DeploymentConfiguration sent = request.deploymentConfiguration();
    assertThat(sent.strategyAsString()).isEqualTo("CANARY");
    assertThat(sent.canaryConfiguration().canaryPercent()).isEqualTo(20.0);
    assertThat(sent.linearConfiguration()).as("LINEAR's steps, filled by AWS").isNull();
    assertThat(sent.bakeTimeInMinutes()).as("AWS's value").isEqualTo(10);
  }

  @Test
  void aDeclaredValueOtherThanTheDefaultIsDrift() {
    assertThat(
            paths(
                SPEC.replace(
                        "lifecycleStages: [PRE_PRODUCTION_TRAFFIC_SHIFT]",
                        "lifecycleStages: [PRE_PRODUCTION_TRAFFIC_SHIFT]\n"
                            + "      timeoutConfiguration: {timeoutInMinutes: 60}")
                    .replace("rollback: true}", "rollback: true, resetOnHealthyTask: false}")))
        .containsExactlyInAnyOrder(
            "deploymentConfiguration.deploymentCircuitBreaker.resetOnHealthyTask",
            "deploymentConfiguration.lifecycleHooks");
  }

  @Test
  void linearAndCanaryStepsDefaultAsAwsDocumentsThem() {
    Service linear = linearWithAwsSteps();
    Service canary =
        service(
            BLUE_GREEN,
            "\"strategy\": \"BLUE_GREEN\",",
            "\"strategy\": \"CANARY\", \"canaryConfiguration\": {\"canaryPercent\": 5.0,"
                + " \"canaryBakeTimeInMinutes\": 10},");
    String linearSpec = SPEC.replace("strategy: BLUE_GREEN", "strategy: LINEAR");
    String canarySpec = SPEC.replace("strategy: BLUE_GREEN", "strategy: CANARY");

    assertThat(diff(linearSpec + "  linearConfiguration: {stepPercent: 10}\n", linear).changes())
        .isEmpty();
    assertThat(
            diff(canarySpec + "  canaryConfiguration: {canaryBakeTimeInMinutes: 10}\n", canary)
                .changes())
        .isEmpty();
    assertThat(paths(linearSpec + "  linearConfiguration: {stepPercent: 20}\n", linear))
        .containsExactly("deploymentConfiguration.linearConfiguration.stepPercent");
  }

  @Test
  void aPercentWrittenAsAnIntegerEqualsAwsDouble() {
    Service canary =
        service(
            BLUE_GREEN,
            "\"strategy\": \"BLUE_GREEN\",",
            "\"strategy\": \"CANARY\", \"canaryConfiguration\": {\"canaryPercent\": 20.0},");
    String canarySpec = SPEC.replace("strategy: BLUE_GREEN", "strategy: CANARY");

    assertThat(diff(canarySpec + "  canaryConfiguration: {canaryPercent: 20}\n", canary).changes())
        .isEmpty();
    assertThat(paths(canarySpec + "  canaryConfiguration: {canaryPercent: 20.5}\n", canary))
        .containsExactly("deploymentConfiguration.canaryConfiguration.canaryPercent");
  }

  /** The fixture as a LINEAR service with the steps AWS fills by default. */
  private static Service linearWithAwsSteps() {
    return service(
        BLUE_GREEN,
        "\"strategy\": \"BLUE_GREEN\",",
        "\"strategy\": \"LINEAR\", \"linearConfiguration\": {\"stepPercent\": 10.0,"
            + " \"stepBakeTimeInMinutes\": 6},");
  }

  private static UpdateServiceRequest update(EcsServiceSpec spec, Service live) {
    return ServiceRequests.update(
            spec,
            WEB_7,
            ServiceShapes.of(spec, ProviderNames.NONE, live),
            EcsServiceDiff.diff(spec, WEB_7, new EcsServiceState(live, null, null)))
        .orElseThrow();
  }

  private static List<String> paths(String yaml) {
    return paths(yaml, service(BLUE_GREEN));
  }

  private static List<String> paths(String yaml, Service actual) {
    return diff(yaml, actual).changes().stream().map(FieldChange::path).toList();
  }
}

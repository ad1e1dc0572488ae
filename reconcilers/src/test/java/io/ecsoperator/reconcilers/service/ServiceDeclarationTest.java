package io.ecsoperator.reconcilers.service;

import static io.ecsoperator.reconcilers.service.ServiceFixtures.DAEMON;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_7;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.json.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;

/** Import's spec of services as real AWS describes them, defaults and additions included. */
class ServiceDeclarationTest {

  private static void assertNoDiff(EcsServiceSpec declared, Service service, String td) {
    assertThat(
            EcsServiceDiff.diff(
                    declared,
                    new ResolvedService(service.serviceName(), "shop", td),
                    new EcsServiceState(service, null, null))
                .changes())
        .isEmpty();
  }

  @Test
  void aFargateServiceIsDeclaredWithoutAwsDefaultsAndTheDiffFindsNothing() {
    Service web = service(WEB);

    EcsServiceSpec declared = ServiceDeclaration.of(web);

    assertNoDiff(declared, web, WEB_TD_7);
    assertThat(Json.toTree(declared))
        .isEqualTo(
            Json.parse(
                """
                {
                  "desiredCount": 3,
                  "launchType": "FARGATE",
                  "networkConfiguration": {"awsvpcConfiguration": {
                    "subnets": ["subnet-0b2f0c1a9e8d7c6b5", "subnet-0a1b2c3d4e5f60718"],
                    "securityGroups": ["sg-0f1e2d3c4b5a69788"]}},
                  "loadBalancers": [{
                    "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/6d0ecf831eec9f09",
                    "containerName": "web",
                    "containerPort": 8080}],
                  "deploymentConfiguration": {
                    "deploymentCircuitBreaker": {"enable": true, "rollback": true}},
                  "healthCheckGracePeriodSeconds": 60,
                  "enableECSManagedTags": true,
                  "propagateTags": "SERVICE",
                  "availabilityZoneRebalancing": "ENABLED",
                  "serviceConnectConfiguration": {
                    "enabled": true,
                    "namespace": "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-igwrsylmy3kwvcdx",
                    "services": [{"portName": "http", "discoveryName": "web",
                      "clientAliases": [{"port": 80, "dnsName": "web.shop.internal"}]}]}
                }
                """));
  }

  @Test
  void aDaemonServiceHasNoDesiredCountNorDaemonDefaultsNorTheServiceLinkedRole() {
    Service daemon = service(DAEMON);

    EcsServiceSpec declared = ServiceDeclaration.of(daemon);

    assertNoDiff(declared, daemon, daemon.taskDefinition());
    assertThat(Json.toTree(declared))
        .isEqualTo(
            Json.parse(
                """
                {
                  "launchType": "EC2",
                  "placementConstraints": [
                    {"type": "memberOf", "expression": "attribute:ecs.os-type == linux"}],
                  "schedulingStrategy": "DAEMON"
                }
                """));
  }

  @Test
  void aStrategyIsDeclaredWithoutTheLaunchTypeItResolvedTo() {
    Service onSpot =
        service(
            WEB,
            "\"launchType\": \"FARGATE\",\n            \"platformVersion\"",
            "\"launchType\": \"FARGATE\",\n            \"capacityProviderStrategy\": [{"
                + "\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1, \"base\": 0}],\n"
                + "            \"platformVersion\"");

    EcsServiceSpec declared = ServiceDeclaration.of(onSpot);

    assertNoDiff(declared, onSpot, WEB_TD_7);
    assertThat(declared.launchType).isNull();
    assertThat(Json.toTree(declared.capacityProviderStrategy))
        .isEqualTo(Json.parse("[{\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1}]"));
  }
}

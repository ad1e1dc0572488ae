package io.ecsoperator.reconcilers.service;

import static io.ecsoperator.reconcilers.service.ServiceFixtures.DAEMON;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_7;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_8;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.service;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.spec;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;

/** The service diff against describe-services outputs of real AWS (DESIGN §7, Services). */
class EcsServiceDiffTest {

  private static final ResolvedService WEB_7 = new ResolvedService("web", "shop", WEB_TD_7);

  /**
   * What the web fixture runs, declared the way a user writes it: subnets in another order, the
   * target group and role by name, the Service Connect namespace by name, defaults spelt out.
   */
  private static final String WEB_SPEC =
      """
      serviceName: web
      cluster: shop
      taskDefinition: web:7
      desiredCount: 3
      launchType: FARGATE
      platformVersion: LATEST
      networkConfiguration:
        awsvpcConfiguration:
          subnets: [subnet-0a1b2c3d4e5f60718, subnet-0b2f0c1a9e8d7c6b5]
          securityGroups: [sg-0f1e2d3c4b5a69788]
          assignPublicIp: DISABLED
      loadBalancers:
        - targetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/6d0ecf831eec9f09
          containerName: web
          containerPort: 8080
      serviceRegistries: []
      deploymentConfiguration:
        deploymentCircuitBreaker: {enable: true, rollback: true}
        maximumPercent: 200
        alarms: {enable: false}
      deploymentController: {type: ECS}
      placementConstraints: []
      healthCheckGracePeriodSeconds: 60
      enableExecuteCommand: false
      enableECSManagedTags: true
      propagateTags: SERVICE
      availabilityZoneRebalancing: ENABLED
      serviceConnectConfiguration:
        enabled: true
        namespace: shop.internal
        services:
          - portName: http
            discoveryName: web
            clientAliases: [{port: 80, dnsName: web.shop.internal}]
      role: AWSServiceRoleForECS
      tags:
        team: web
      """;

  private static ChangeSet diff(String yaml, EcsServiceState actual) {
    return EcsServiceDiff.diff(spec(yaml), WEB_7, actual);
  }

  @Test
  void aSpecOfWhatAwsRunsHasNoDiffThoughAwsAddsFieldsAndDefaults() {
    ChangeSet changes = diff(WEB_SPEC, state(WEB));

    assertThat(changes.changes()).isEmpty();
  }

  @Test
  void aSpecOfOnlyTheReferencesHasNoDiff() {
    assertThat(diff("cluster: shop\ntaskDefinition: web:7\n", state(WEB)).changes()).isEmpty();
  }

  @Test
  void documentedDefaultsEqualWhatAwsLeavesOut() {
    Service bare = stripped(service(WEB));

    ChangeSet changes =
        diff(
            """
            cluster: shop
            taskDefinition: web
            platformVersion: LATEST
            propagateTags: NONE
            schedulingStrategy: REPLICA
            healthCheckGracePeriodSeconds: 0
            availabilityZoneRebalancing: DISABLED
            enableECSManagedTags: false
            deploymentController: {type: ECS}
            deploymentConfiguration:
              maximumPercent: 200
              minimumHealthyPercent: 100
              strategy: ROLLING
              deploymentCircuitBreaker: {enable: false, rollback: false}
            """,
            new EcsServiceState(bare, null, null));

    assertThat(changes.changes()).isEmpty();
  }

  @Test
  void daemonPercentagesDefaultTo100And0() {
    ResolvedService daemon =
        new ResolvedService(
            "log-router",
            "arn:aws:ecs:eu-west-1:123456789012:cluster/shop",
            "arn:aws:ecs:eu-west-1:123456789012:task-definition/log-router:3");
    String daemonSpec =
        """
        cluster: shop
        taskDefinition: log-router
        schedulingStrategy: DAEMON
        launchType: EC2
        placementConstraints: [{type: memberOf, expression: "attribute:ecs.os-type == linux"}]
        deploymentConfiguration: {maximumPercent: 100, minimumHealthyPercent: 0}
        """;
    Service withoutPercentages =
        service(DAEMON).toBuilder()
            .deploymentConfiguration(c -> c.deploymentCircuitBreaker(b -> b.enable(false)))
            .build();

    ChangeSet against = EcsServiceDiff.diff(spec(daemonSpec), daemon, state(DAEMON));
    ChangeSet againstNone =
        EcsServiceDiff.diff(
            spec(daemonSpec), daemon, new EcsServiceState(withoutPercentages, null, null));

    assertThat(against.changes()).isEmpty();
    assertThat(againstNone.changes()).isEmpty();
  }

  @Test
  void desiredCountIsComparedOnlyWhenTheSpecOwnsIt() {
    EcsServiceState scaledTo7 =
        new EcsServiceState(service(WEB).toBuilder().desiredCount(7).build(), null, null);

    assertThat(diff(WEB_SPEC, scaledTo7).changes())
        .containsExactly(
            new FieldChange(EcsServiceDiff.DESIRED_COUNT, 3, 7, ChangeStrategy.IN_PLACE));
    assertThat(diff(WEB_SPEC.replace("desiredCount: 3\n", ""), scaledTo7).isEmpty())
        .as("unset")
        .isTrue();
    assertThat(
            diff(WEB_SPEC + "autoScaling: {minCapacity: 2, maxCapacity: 10}\n", scaledTo7)
                .isEmpty())
        .as("with autoScaling the scaler owns it")
        .isTrue();
  }

  @Test
  void fieldsAwsCannotChangeAreReplacementsNamedByTheirPath() {
    ChangeSet changes =
        diff(
            WEB_SPEC
                    .replace("launchType: FARGATE", "launchType: EC2")
                    .replace(
                        "role: AWSServiceRoleForECS", "role: arn:aws:iam::123456789012:role/other")
                + "schedulingStrategy: DAEMON\n",
            state(WEB));

    assertThat(changes.only(ChangeStrategy.REPLACE))
        .extracting(FieldChange::path)
        .containsExactly("launchType", "schedulingStrategy", "role");
    assertThat(changes.hasAny(ChangeStrategy.IN_PLACE)).isFalse();
  }

  @Test
  void anotherClusterIsAReplacementAndANameEqualsItsArn() {
    ResolvedService byArn =
        new ResolvedService("web", "arn:aws:ecs:eu-west-1:123456789012:cluster/shop", WEB_TD_7);
    ResolvedService other = new ResolvedService("web", "other", WEB_TD_7);

    assertThat(EcsServiceDiff.diff(spec(WEB_SPEC), byArn, state(WEB)).isEmpty()).isTrue();
    assertThat(EcsServiceDiff.diff(spec(WEB_SPEC), other, state(WEB)).changes())
        .containsExactly(new FieldChange("cluster", "other", "shop", ChangeStrategy.REPLACE));
  }

  @Test
  void theTaskDefinitionIsComparedByTheResolvedRevisionArn() {
    ResolvedService web8 = new ResolvedService("web", "shop", WEB_TD_8);
    ResolvedService deleting = new ResolvedService("web", "shop", null);

    assertThat(EcsServiceDiff.diff(spec(WEB_SPEC), web8, state(WEB)).changes())
        .containsExactly(
            new FieldChange("taskDefinition", WEB_TD_8, WEB_TD_7, ChangeStrategy.IN_PLACE));
    assertThat(EcsServiceDiff.diff(spec(WEB_SPEC), deleting, state(WEB)).isEmpty()).isTrue();
  }

  @Test
  void setsIgnoreOrderAndPlacementStrategyKeepsIt() {
    Service spread =
        service(WEB).toBuilder()
            .placementStrategy(
                s -> s.type("spread").field("attribute:ecs.availability-zone"),
                s -> s.type("binpack").field("memory"))
            .build();
    String spreadFirst =
        WEB_SPEC
            + """
            placementStrategy:
              - {type: spread, field: "attribute:ecs.availability-zone"}
              - {type: binpack, field: memory}
            """;
    String binpackFirst =
        WEB_SPEC
            + """
            placementStrategy:
              - {type: binpack, field: memory}
              - {type: spread, field: "attribute:ecs.availability-zone"}
            """;

    assertThat(diff(spreadFirst, new EcsServiceState(spread, null, null)).isEmpty()).isTrue();
    assertThat(diff(binpackFirst, new EcsServiceState(spread, null, null)).paths())
        .isEqualTo("placementStrategy");
  }

  @Test
  void targetGroupsAndRolesAreComparedByName() {
    ChangeSet byName =
        diff(
            WEB_SPEC
                .replace(
                    "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/6d0ecf831eec9f09",
                    "web-tg")
                .replace(
                    "role: AWSServiceRoleForECS",
                    "role:"
                        + " arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"),
            state(WEB));
    ChangeSet otherGroup =
        diff(WEB_SPEC.replace("targetgroup/web-tg/", "targetgroup/api-tg/"), state(WEB));

    assertThat(byName.isEmpty()).isTrue();
    assertThat(otherGroup.paths()).isEqualTo("loadBalancers");
    assertThat(otherGroup.changes().get(0).strategy()).isEqualTo(ChangeStrategy.IN_PLACE);
  }

  @Test
  void onlyDeclaredFieldsOfAnObjectAreCompared() {
    ChangeSet changes =
        diff(
            WEB_SPEC.replace(
                "maximumPercent: 200\n", "maximumPercent: 200\n  minimumHealthyPercent: 50\n"),
            state(WEB));

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "deploymentConfiguration.minimumHealthyPercent",
                "50",
                "100",
                ChangeStrategy.IN_PLACE));
  }

  @Test
  void serviceConnectIsComparedWithThePrimaryDeployment() {
    ChangeSet changes =
        diff(WEB_SPEC.replace("discoveryName: web", "discoveryName: www"), state(WEB));
    ChangeSet otherNamespaceArn =
        diff(
            WEB_SPEC.replace(
                "namespace: shop.internal",
                "namespace: arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-other"),
            state(WEB));

    assertThat(changes.paths()).isEqualTo("serviceConnectConfiguration.services");
    assertThat(otherNamespaceArn.paths()).isEqualTo("serviceConnectConfiguration.namespace");
  }

  @Test
  void aBooleanTurnedOffOutsideIsDrift() {
    EcsServiceState execOn =
        new EcsServiceState(
            service(WEB).toBuilder().enableExecuteCommand(true).build(), null, null);

    assertThat(diff(WEB_SPEC, execOn).changes())
        .containsExactly(
            new FieldChange("enableExecuteCommand", "false", "true", ChangeStrategy.IN_PLACE));
  }

  @Test
  void tagsIgnoreAwsAndOwnershipTagsAndAreTagsOnlyChanges() {
    ChangeSet changes = diff(WEB_SPEC.replace("team: web", "team: api"), state(WEB));

    assertThat(changes.changes())
        .containsExactly(
            new FieldChange(
                "tags", Map.of("team", "api"), Map.of("team", "web"), ChangeStrategy.TAGS_ONLY));
  }

  @Test
  void eachNewRestartedAtIsOneChangeButNotUnderObserveOnly() {
    String restarted = WEB_SPEC + "restartedAt: \"2025-03-15T10:00:00Z\"\n";
    EcsServiceState rememberingIt = new EcsServiceState(service(WEB), "2025-03-15T10:00:00Z", null);

    assertThat(diff(restarted, state(WEB)).changes())
        .containsExactly(
            new FieldChange("restartedAt", "2025-03-15T10:00:00Z", null, ChangeStrategy.IN_PLACE));
    assertThat(diff(restarted, rememberingIt).isEmpty()).isTrue();
    assertThat(diff(restarted + "managementPolicy: ObserveOnly\n", state(WEB)).isEmpty()).isTrue();
  }

  @Test
  void topLevelNamesTheSpecField() {
    assertThat(EcsServiceDiff.topLevel("deploymentConfiguration.alarms.enable"))
        .isEqualTo("deploymentConfiguration");
    assertThat(EcsServiceDiff.topLevel("loadBalancers[0]")).isEqualTo("loadBalancers");
    assertThat(EcsServiceDiff.topLevel("tags")).isEqualTo("tags");
  }

  /** The web service as moto reports it: without the fields and defaults moto leaves out. */
  private static Service stripped(Service service) {
    ObjectNode json = SdkJson.toJson(service);
    for (String field :
        new String[] {
          "platformVersion",
          "propagateTags",
          "schedulingStrategy",
          "healthCheckGracePeriodSeconds",
          "availabilityZoneRebalancing",
          "enableECSManagedTags",
          "deploymentController",
          "deploymentConfiguration"
        }) {
      json.remove(field);
    }
    return SdkJson.fromJson(Json.toTree(json), Service.builder());
  }
}

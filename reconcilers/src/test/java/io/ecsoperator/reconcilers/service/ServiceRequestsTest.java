package io.ecsoperator.reconcilers.service;

import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.WEB_TD_8;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.service;
import static io.ecsoperator.reconcilers.service.ServiceFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/** CreateService and UpdateService requests built from specs. */
class ServiceRequestsTest {

  private static final ResolvedService WEB_8 = new ResolvedService("web", "shop", WEB_TD_8);

  private static final String FULL_SPEC =
      """
      cluster: shop
      taskDefinition: web:8
      desiredCount: 3
      launchType: FARGATE
      networkConfiguration:
        awsvpcConfiguration: {subnets: [subnet-1], securityGroups: [sg-1], assignPublicIp: ENABLED}
      loadBalancers: [{targetGroupArn: tg, containerName: web, containerPort: 8080}]
      deploymentConfiguration:
        deploymentCircuitBreaker: {enable: true, rollback: true}
        lifecycleHooks:
          - hookTargetArn: arn:aws:lambda:eu-west-1:123456789012:function:check
            roleArn: arn:aws:iam::123456789012:role/hooks
            lifecycleStages: [POST_SCALE_UP]
            hookDetails: {threshold: 5}
      placementConstraints: [{type: distinctInstance}]
      placementStrategy: [{type: spread, field: "attribute:ecs.availability-zone"}]
      volumeConfigurations:
        - name: data
          managedEBSVolume:
            sizeInGiB: 20
            roleArn: arn:aws:iam::123456789012:role/infra
            filesystemType: xfs
            tagSpecifications: [{resourceType: volume, tags: {team: web}}]
      enableExecuteCommand: false
      autoScaling: {minCapacity: 2, maxCapacity: 6}
      restartedAt: "2025-03-15T10:00:00Z"
      tags: {team: web}
      region: eu-west-1
      """;

  @Test
  void strategyItemsReferringToProviderObjectsCarryTheirAwsNames() {
    ResolvedService resolved =
        new ResolvedService(
            "web", "shop", WEB_TD_8, new ProviderNames(Map.of("spot-object", "shop-spot")));
    CreateServiceRequest request =
        ServiceRequests.create(
            spec(
                """
                cluster: shop
                taskDefinition: web
                capacityProviderStrategy:
                  - {capacityProviderRef: {name: spot-object}, weight: 3}
                  - {capacityProvider: FARGATE, base: 1}
                """),
            resolved,
            Map.of(),
            "t");

    assertThat(request.capacityProviderStrategy())
        .extracting(i -> i.capacityProvider() + "/" + i.weight() + "/" + i.base())
        .containsExactly("shop-spot/3/null", "FARGATE/null/1");
  }

  @Test
  void createCarriesEveryDeclaredFieldTheResolvedNamesAndTheTags() {
    CreateServiceRequest request =
        ServiceRequests.create(
            spec(FULL_SPEC), WEB_8, Map.of("team", "web", "ecsoperator.io/owner", "apps/web"), "t");

    assertThat(request.serviceName()).isEqualTo("web");
    assertThat(request.cluster()).isEqualTo("shop");
    assertThat(request.taskDefinition()).isEqualTo(WEB_TD_8);
    assertThat(request.desiredCount()).isEqualTo(3);
    assertThat(request.launchTypeAsString()).isEqualTo("FARGATE");
    assertThat(request.networkConfiguration().awsvpcConfiguration().assignPublicIpAsString())
        .isEqualTo("ENABLED");
    assertThat(request.loadBalancers().get(0).containerPort()).isEqualTo(8080);
    assertThat(request.deploymentConfiguration().deploymentCircuitBreaker().rollback()).isTrue();
    assertThat(
            request
                .deploymentConfiguration()
                .lifecycleHooks()
                .get(0)
                .hookDetails()
                .asMap()
                .get("threshold")
                .asNumber()
                .intValue())
        .isEqualTo(5);
    assertThat(request.placementConstraints().get(0).typeAsString()).isEqualTo("distinctInstance");
    assertThat(request.placementStrategy().get(0).field())
        .isEqualTo("attribute:ecs.availability-zone");
    var volume = request.volumeConfigurations().get(0).managedEBSVolume();
    assertThat(volume.filesystemTypeAsString()).isEqualTo("xfs");
    assertThat(EcsTags.of(volume.tagSpecifications().get(0).tags()))
        .isEqualTo(Map.of("team", "web"));
    assertThat(request.enableExecuteCommand()).isFalse();
    assertThat(EcsTags.of(request.tags()))
        .isEqualTo(Map.of("team", "web", "ecsoperator.io/owner", "apps/web"));
    assertThat(request.clientToken()).isEqualTo("t");
  }

  @Test
  void aNewServiceStartsWithTheSpecsCountElseTheScalersMinimumElseOne() {
    assertThat(ServiceRequests.initialDesiredCount(spec("desiredCount: 4"))).contains(4);
    assertThat(
            ServiceRequests.initialDesiredCount(
                spec("autoScaling: {minCapacity: 2, maxCapacity: 6}")))
        .contains(2);
    assertThat(ServiceRequests.initialDesiredCount(spec("launchType: FARGATE"))).contains(1);
    assertThat(ServiceRequests.initialDesiredCount(spec("schedulingStrategy: DAEMON"))).isEmpty();
  }

  @Test
  void updateCarriesOnlyTheChangedFields() {
    EcsServiceSpec spec = spec(FULL_SPEC);

    UpdateServiceRequest request =
        update(spec, "taskDefinition", "desiredCount", "placementStrategy").orElseThrow();

    assertThat(request.cluster()).isEqualTo("shop");
    assertThat(request.service()).isEqualTo("web");
    assertThat(request.taskDefinition()).isEqualTo(WEB_TD_8);
    assertThat(request.desiredCount()).isEqualTo(3);
    assertThat(request.placementStrategy()).hasSize(1);
    assertThat(request.networkConfiguration()).isNull();
    assertThat(request.loadBalancers()).isEmpty();
    assertThat(request.deploymentConfiguration()).isNull();
    assertThat(request.forceNewDeployment()).isNull();
  }

  @Test
  void aChangedObjectKeepsAwsValuesForFieldsTheSpecLeavesOut() {
    EcsServiceSpec spec = spec("deploymentConfiguration: {minimumHealthyPercent: 50}");

    UpdateServiceRequest request =
        update(spec, "deploymentConfiguration.minimumHealthyPercent").orElseThrow();

    var configuration = request.deploymentConfiguration();
    assertThat(configuration.minimumHealthyPercent()).isEqualTo(50);
    assertThat(configuration.maximumPercent()).as("AWS's value").isEqualTo(200);
    assertThat(configuration.deploymentCircuitBreaker().enable()).as("AWS's value").isTrue();
  }

  @Test
  void aNewRestartedAtForcesANewDeploymentAndTagsNeedNoUpdateService() {
    Optional<UpdateServiceRequest> restart = update(spec(FULL_SPEC), "restartedAt");
    Optional<UpdateServiceRequest> tagsOnly = update(spec(FULL_SPEC), "tags", "cluster");

    assertThat(restart.orElseThrow().forceNewDeployment()).isTrue();
    assertThat(restart.orElseThrow().taskDefinition()).isNull();
    assertThat(tagsOnly).isEmpty();
  }

  @Test
  void anEmptyListIsSentToRemoveWhatAwsHas() {
    UpdateServiceRequest request = update(spec("loadBalancers: []"), "loadBalancers").orElseThrow();

    assertThat(request.hasLoadBalancers()).isTrue();
    assertThat(request.loadBalancers()).isEmpty();
  }

  /** UpdateService of {@code spec} against the web fixture, for the changes at these paths. */
  private static Optional<UpdateServiceRequest> update(EcsServiceSpec spec, String... paths) {
    return ServiceRequests.update(
        spec, WEB_8, ServiceShapes.of(spec, ProviderNames.NONE, service(WEB)), changes(paths));
  }

  private static ChangeSet changes(String... paths) {
    return new ChangeSet(
        List.of(paths).stream()
            .map(p -> new FieldChange(p, "desired", "actual", ChangeStrategy.IN_PLACE))
            .toList());
  }
}

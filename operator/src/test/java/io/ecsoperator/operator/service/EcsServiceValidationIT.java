package io.ecsoperator.operator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.ManifestValidation;
import io.ecsoperator.testsupport.Processes;
import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Admission of EcsService manifests by the real API server with the chart's CRDs (OpenAPI + CEL,
 * DESIGN §4): a bad manifest is refused by {@code kubectl apply} with a message that names the
 * field. No operator runs here: only the API server decides.
 */
class EcsServiceValidationIT extends ManifestValidation {

  /** Every field of the spec, valid. */
  private static final String FULL_SPEC =
      """
      serviceName: web_Prod-1
      region: eu-west-1
      cluster: arn:aws:ecs:eu-west-1:111122223333:cluster/shop
      taskDefinition: web:7
      desiredCount: 3
      capacityProviderStrategy:
        - {capacityProvider: FARGATE, weight: 1, base: 2}
        - {capacityProvider: FARGATE_SPOT, weight: 3}
      platformVersion: 1.4.0
      networkConfiguration:
        awsvpcConfiguration:
          subnets: [subnet-0a1b2c3d, subnet-4e5f6a7b]
          securityGroups: [sg-0123abcd]
          assignPublicIp: DISABLED
      loadBalancers:
        - targetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef
          containerName: web
          containerPort: 8080
          advancedConfiguration:
            alternateTargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web-green/fedcba9876543210
            productionListenerRule: arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener-rule/app/shop/1/2/3
            testListenerRule: arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener-rule/app/shop/1/2/4
            roleArn: arn:aws:iam::111122223333:role/ecs-blue-green
      serviceRegistries:
        - registryArn: arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-abcdefgh
          containerName: web
          containerPort: 8080
      deploymentConfiguration:
        deploymentCircuitBreaker:
          enable: true
          rollback: true
          resetOnHealthyTask: false
          thresholdConfiguration: {type: COUNT, value: 5}
        maximumPercent: 200
        minimumHealthyPercent: 50
        alarms: {alarmNames: [web-5xx], enable: true, rollback: true}
        strategy: LINEAR
        bakeTimeInMinutes: 10
        lifecycleHooks:
          - hookTargetArn: arn:aws:lambda:eu-west-1:111122223333:function:check
            roleArn: arn:aws:iam::111122223333:role/ecs-hooks
            lifecycleStages: [POST_SCALE_UP, TEST_TRAFFIC_SHIFT]
            hookDetails: {threshold: 5, paths: [/health]}
            timeoutConfiguration: {timeoutInMinutes: 30, action: CONTINUE}
          - targetType: PAUSE
            lifecycleStages: [PRE_PRODUCTION_TRAFFIC_SHIFT]
            timeoutConfiguration: {timeoutInMinutes: 20160, action: ROLLBACK}
        linearConfiguration: {stepPercent: 25.0, stepBakeTimeInMinutes: 5}
      deploymentController: {type: ECS}
      placementConstraints:
        - type: distinctInstance
        - type: memberOf
          expression: attribute:ecs.instance-type =~ t3.*
      placementStrategy:
        - {type: spread, field: attribute:ecs.availability-zone}
        - {type: binpack, field: memory}
      schedulingStrategy: REPLICA
      healthCheckGracePeriodSeconds: 60
      enableExecuteCommand: true
      enableECSManagedTags: true
      propagateTags: SERVICE
      availabilityZoneRebalancing: ENABLED
      serviceConnectConfiguration:
        enabled: true
        namespace: shop.internal
        services:
          - portName: http
            discoveryName: web
            clientAliases:
              - port: 80
                dnsName: web.shop.internal
                testTrafficRules: {header: {name: x-canary, value: {exact: "true"}}}
            ingressPortOverride: 8081
            timeout: {idleTimeoutSeconds: 300, perRequestTimeoutSeconds: 15}
            tls:
              issuerCertificateAuthority:
                awsPcaAuthorityArn: arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/abc
              kmsKey: alias/service-connect
              roleArn: arn:aws:iam::111122223333:role/ecs-tls
        logConfiguration:
          logDriver: awslogs
          options: {awslogs-group: /ecs/shop/connect, awslogs-region: eu-west-1}
        accessLogConfiguration: {format: JSON, includeQueryParameters: ENABLED}
      volumeConfigurations:
        - name: data
          managedEBSVolume:
            encrypted: true
            kmsKeyId: alias/ebs
            volumeType: gp3
            sizeInGiB: 20
            iops: 3000
            throughput: 125
            tagSpecifications:
              - {resourceType: volume, tags: {team: web}, propagateTags: SERVICE}
            roleArn: arn:aws:iam::111122223333:role/ecs-infrastructure
            filesystemType: xfs
      vpcLatticeConfigurations:
        - roleArn: arn:aws:iam::111122223333:role/ecs-lattice
          targetGroupArn: arn:aws:vpc-lattice:eu-west-1:111122223333:targetgroup/tg-0123456789abcdef0
          portName: http
      autoScaling:
        minCapacity: 2
        maxCapacity: 10
        targetTrackingPolicies:
          - {policyName: cpu, predefinedMetricType: ECSServiceAverageCPUUtilization, targetValue: 60}
      restartedAt: "2025-01-31T12:00:00Z"
      deletionPolicy: Retain
      managementPolicy: Manage
      adopt: true
      tags:
        team: web
      """;

  private static final String TARGET_GROUP =
      "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef";

  /** The smallest valid spec. */
  private static final String MINIMAL = "cluster: shop\ntaskDefinition: web\n";

  EcsServiceValidationIT() {
    super("EcsService", "ecsservices", "svc-validation", "service");
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        invalid(
            "neither cluster nor clusterRef",
            "taskDefinition: web",
            "spec.cluster",
            "set exactly one of cluster and clusterRef"),
        invalid(
            "cluster and clusterRef",
            MINIMAL + "clusterRef: {name: shop}",
            "spec.cluster",
            "set exactly one of cluster and clusterRef"),
        invalid(
            "neither taskDefinition nor taskDefinitionRef",
            "cluster: shop",
            "spec.taskDefinition",
            "set exactly one of taskDefinition and taskDefinitionRef"),
        invalid(
            "taskDefinition and taskDefinitionRef",
            MINIMAL + "taskDefinitionRef: {name: web}",
            "spec.taskDefinition",
            "set exactly one of taskDefinition and taskDefinitionRef"),
        invalid(
            "launchType and capacityProviderStrategy",
            MINIMAL
                + "launchType: FARGATE\ncapacityProviderStrategy: [{capacityProvider: FARGATE}]",
            "spec.capacityProviderStrategy",
            "set launchType or capacityProviderStrategy, not both"),
        invalid(
            "DAEMON with desiredCount",
            MINIMAL + "schedulingStrategy: DAEMON\ndesiredCount: 2",
            "spec.desiredCount",
            "a DAEMON service runs one task per container instance"),
        invalid(
            "DAEMON with autoScaling",
            MINIMAL + "schedulingStrategy: DAEMON\nautoScaling: {minCapacity: 1, maxCapacity: 2}",
            "spec.autoScaling",
            "a DAEMON service cannot be auto scaled"),
        invalid(
            "DAEMON with placementStrategy",
            MINIMAL + "schedulingStrategy: DAEMON\nplacementStrategy: [{type: random}]",
            "spec.placementStrategy",
            "a DAEMON service takes no placementStrategy"),
        invalid(
            "DAEMON on Fargate",
            MINIMAL + "schedulingStrategy: DAEMON\nlaunchType: FARGATE",
            "spec.schedulingStrategy",
            "a DAEMON service runs on EC2 or external instances"),
        invalid(
            "serviceName with a dot",
            MINIMAL + "serviceName: web.prod",
            "spec.serviceName",
            "should match"),
        invalid(
            "cluster with a slash that is no ARN",
            "cluster: team/shop\ntaskDefinition: web",
            "spec.cluster",
            "should match"),
        invalid(
            "clusterRef without name",
            "clusterRef: {}\ntaskDefinition: web",
            "spec.clusterRef.name",
            "Required value"),
        invalid(
            "negative desiredCount",
            MINIMAL + "desiredCount: -1",
            "spec.desiredCount",
            "should be greater than or equal to 0"),
        invalid(
            "unknown launchType",
            MINIMAL + "launchType: LAMBDA",
            "spec.launchType",
            "Unsupported value: \"LAMBDA\""),
        invalid(
            "17 subnets",
            MINIMAL
                + "networkConfiguration: {awsvpcConfiguration: {subnets: ["
                + IntStream.rangeClosed(1, 17)
                    .mapToObj(i -> "subnet-" + Integer.toHexString(i + 160))
                    .collect(Collectors.joining(","))
                + "]}}",
            "spec.networkConfiguration.awsvpcConfiguration.subnets",
            "must have at most 16 items"),
        invalid(
            "no subnet",
            MINIMAL + "networkConfiguration: {awsvpcConfiguration: {subnets: []}}",
            "spec.networkConfiguration.awsvpcConfiguration.subnets",
            "should have at least 1 items"),
        invalid(
            "a subnet that is no subnet ID",
            MINIMAL + "networkConfiguration: {awsvpcConfiguration: {subnets: [sg-0123]}}",
            "spec.networkConfiguration.awsvpcConfiguration.subnets[0]",
            "should match"),
        invalid(
            "6 security groups",
            MINIMAL
                + "networkConfiguration: {awsvpcConfiguration: {subnets: [subnet-1], securityGroups:"
                + " [sg-1, sg-2, sg-3, sg-4, sg-5, sg-6]}}",
            "spec.networkConfiguration.awsvpcConfiguration.securityGroups",
            "must have at most 5 items"),
        invalid(
            "a security group twice",
            MINIMAL
                + "networkConfiguration: {awsvpcConfiguration: {subnets: [subnet-1], securityGroups:"
                + " [sg-1, sg-1]}}",
            "spec.networkConfiguration.awsvpcConfiguration.securityGroups",
            "each security group may appear once"),
        invalid(
            "6 load balancers",
            MINIMAL
                + "loadBalancers:\n"
                + IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> "  - {loadBalancerName: lb" + i + "}\n")
                    .collect(Collectors.joining()),
            "spec.loadBalancers",
            "must have at most 5 items"),
        invalid(
            "a load balancer with both a target group and a name",
            MINIMAL + "loadBalancers: [{targetGroupArn: tg, loadBalancerName: lb}]",
            "spec.loadBalancers[0]",
            "set exactly one of targetGroupArn (ALB, NLB) and loadBalancerName (Classic)"),
        invalid(
            "two service registries",
            MINIMAL + "serviceRegistries: [{registryArn: a}, {registryArn: b}]",
            "spec.serviceRegistries",
            "must have at most 1 item"),
        invalid(
            "minimumHealthyPercent above 100",
            MINIMAL + "deploymentConfiguration: {minimumHealthyPercent: 101}",
            "spec.deploymentConfiguration.minimumHealthyPercent",
            "should be less than or equal to 100"),
        invalid(
            "maximumPercent below minimumHealthyPercent",
            MINIMAL + "deploymentConfiguration: {maximumPercent: 50, minimumHealthyPercent: 100}",
            "spec.deploymentConfiguration.maximumPercent",
            "maximumPercent must not be below minimumHealthyPercent"),
        invalid(
            "linearConfiguration without strategy LINEAR",
            MINIMAL + "deploymentConfiguration: {linearConfiguration: {stepPercent: 10.0}}",
            "spec.deploymentConfiguration.linearConfiguration",
            "linearConfiguration needs strategy LINEAR"),
        invalid(
            "canaryConfiguration without strategy CANARY",
            MINIMAL
                + "deploymentConfiguration: {strategy: LINEAR, canaryConfiguration:"
                + " {canaryPercent: 5.0}}",
            "spec.deploymentConfiguration.canaryConfiguration",
            "canaryConfiguration needs strategy CANARY"),
        invalid(
            "canaryPercent not a multiple of 0.1",
            MINIMAL
                + "deploymentConfiguration: {strategy: CANARY, canaryConfiguration:"
                + " {canaryPercent: 5.05}}",
            "spec.deploymentConfiguration.canaryConfiguration.canaryPercent",
            "canaryPercent must be a multiple of 0.1"),
        invalid(
            "canaryBakeTimeInMinutes over a day",
            MINIMAL
                + "deploymentConfiguration: {strategy: CANARY, canaryConfiguration:"
                + " {canaryBakeTimeInMinutes: 1441}}",
            "spec.deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes",
            "should be less than or equal to 1440"),
        invalid(
            "stepPercent below 3",
            MINIMAL
                + "deploymentConfiguration: {strategy: LINEAR, linearConfiguration:"
                + " {stepPercent: 2.5}}",
            "spec.deploymentConfiguration.linearConfiguration.stepPercent",
            "should be greater than or equal to 3"),
        invalid(
            "bakeTimeInMinutes over a day",
            MINIMAL + "deploymentConfiguration: {strategy: BLUE_GREEN, bakeTimeInMinutes: 1441}",
            "spec.deploymentConfiguration.bakeTimeInMinutes",
            "should be less than or equal to 1440"),
        invalid(
            "an unknown strategy",
            MINIMAL + "deploymentConfiguration: {strategy: RECREATE}",
            "spec.deploymentConfiguration.strategy",
            "Unsupported value"),
        invalid(
            "BLUE_GREEN with a load balancer without advancedConfiguration",
            MINIMAL
                + "deploymentConfiguration: {strategy: BLUE_GREEN}\n"
                + "loadBalancers: [{targetGroupArn: "
                + TARGET_GROUP
                + ", containerName: web, containerPort: 80}]",
            "spec.loadBalancers",
            "each load balancer needs advancedConfiguration"),
        invalid(
            "LINEAR with the CODE_DEPLOY controller",
            MINIMAL
                + "deploymentConfiguration: {strategy: LINEAR}\n"
                + "deploymentController: {type: CODE_DEPLOY}",
            "spec.deploymentController",
            "need the ECS deployment controller"),
        invalid(
            "advancedConfiguration without its role",
            MINIMAL
                + "loadBalancers:\n"
                + "  - targetGroupArn: "
                + TARGET_GROUP
                + "\n    advancedConfiguration: {alternateTargetGroupArn: green,"
                + " productionListenerRule: rule}",
            "spec.loadBalancers[0].advancedConfiguration.roleArn",
            "Required value"),
        invalid(
            "advancedConfiguration on a Classic Load Balancer",
            MINIMAL
                + "loadBalancers:\n"
                + "  - loadBalancerName: classic\n"
                + "    advancedConfiguration: {alternateTargetGroupArn: green,"
                + " productionListenerRule: rule, roleArn: role}",
            "spec.loadBalancers[0].advancedConfiguration",
            "Classic Load Balancers do not shift traffic"),
        invalid(
            "a PAUSE hook with a Lambda target",
            MINIMAL
                + "deploymentConfiguration:\n  lifecycleHooks:\n"
                + "    - {targetType: PAUSE, hookTargetArn: fn, lifecycleStages: [POST_SCALE_UP]}",
            "spec.deploymentConfiguration.lifecycleHooks[0].hookTargetArn",
            "a PAUSE hook takes neither"),
        invalid(
            "a Lambda hook without its role",
            MINIMAL
                + "deploymentConfiguration:\n  lifecycleHooks:\n"
                + "    - {hookTargetArn: fn, lifecycleStages: [POST_SCALE_UP]}",
            "spec.deploymentConfiguration.lifecycleHooks[0].hookTargetArn",
            "an AWS_LAMBDA hook needs hookTargetArn and roleArn"),
        invalid(
            "a PAUSE hook during the production traffic shift",
            MINIMAL
                + "deploymentConfiguration:\n  lifecycleHooks:\n"
                + "    - {targetType: PAUSE, lifecycleStages: [PRODUCTION_TRAFFIC_SHIFT]}",
            "spec.deploymentConfiguration.lifecycleHooks[0].lifecycleStages",
            "a PAUSE hook cannot wait during a traffic shift"),
        invalid(
            "a hook without stages",
            MINIMAL + "deploymentConfiguration:\n  lifecycleHooks:\n" + "    - {targetType: PAUSE}",
            "spec.deploymentConfiguration.lifecycleHooks[0].lifecycleStages",
            "Required value"),
        invalid(
            "a stage twice",
            MINIMAL
                + "deploymentConfiguration:\n  lifecycleHooks:\n"
                + "    - {targetType: PAUSE, lifecycleStages: [POST_SCALE_UP, POST_SCALE_UP]}",
            "spec.deploymentConfiguration.lifecycleHooks[0].lifecycleStages",
            "each stage may appear once"),
        invalid(
            "a hook timeout over 14 days",
            MINIMAL
                + "deploymentConfiguration:\n  lifecycleHooks:\n"
                + "    - {targetType: PAUSE, lifecycleStages: [POST_SCALE_UP],"
                + " timeoutConfiguration: {timeoutInMinutes: 20161}}",
            "spec.deploymentConfiguration.lifecycleHooks[0].timeoutConfiguration.timeoutInMinutes",
            "should be less than or equal to 20160"),
        invalid(
            "an unknown hook timeout action",
            MINIMAL
                + "deploymentConfiguration:\n  lifecycleHooks:\n"
                + "    - {targetType: PAUSE, lifecycleStages: [POST_SCALE_UP],"
                + " timeoutConfiguration: {action: WAIT}}",
            "spec.deploymentConfiguration.lifecycleHooks[0].timeoutConfiguration.action",
            "Unsupported value"),
        invalid(
            "a circuit breaker threshold without its value",
            MINIMAL
                + "deploymentConfiguration: {deploymentCircuitBreaker: {enable: true,"
                + " thresholdConfiguration: {type: COUNT}}}",
            "spec.deploymentConfiguration.deploymentCircuitBreaker.thresholdConfiguration.value",
            "Required value"),
        invalid(
            "an unknown circuit breaker threshold type",
            MINIMAL
                + "deploymentConfiguration: {deploymentCircuitBreaker: {thresholdConfiguration:"
                + " {type: PERCENT, value: 10}}}",
            "spec.deploymentConfiguration.deploymentCircuitBreaker.thresholdConfiguration.type",
            "Unsupported value"),
        invalid(
            "11 placement constraints",
            MINIMAL + "placementConstraints:\n" + "  - {type: distinctInstance}\n".repeat(11),
            "spec.placementConstraints",
            "must have at most 10 items"),
        invalid(
            "memberOf without expression",
            MINIMAL + "placementConstraints: [{type: memberOf}]",
            "spec.placementConstraints[0].expression",
            "memberOf needs an expression"),
        invalid(
            "6 placement strategy steps",
            MINIMAL + "placementStrategy:\n" + "  - {type: random}\n".repeat(6),
            "spec.placementStrategy",
            "must have at most 5 items"),
        invalid(
            "negative healthCheckGracePeriodSeconds",
            MINIMAL + "healthCheckGracePeriodSeconds: -1",
            "spec.healthCheckGracePeriodSeconds",
            "should be greater than or equal to 0"),
        invalid(
            "restartedAt that is no RFC 3339 time",
            MINIMAL + "restartedAt: yesterday",
            "spec.restartedAt",
            "should match"),
        invalid(
            "autoScaling with minCapacity above maxCapacity",
            MINIMAL + "autoScaling: {minCapacity: 5, maxCapacity: 2}",
            "spec.autoScaling.minCapacity",
            "minCapacity must not exceed maxCapacity"),
        invalid(
            "two EBS volumes",
            MINIMAL
                + "volumeConfigurations:\n"
                + "  - {name: a, managedEBSVolume: {sizeInGiB: 1, roleArn: r}}\n"
                + "  - {name: b, managedEBSVolume: {sizeInGiB: 1, roleArn: r}}\n",
            "spec.volumeConfigurations",
            "must have at most 1 item"),
        invalid(
            "an EBS volume of no size and no snapshot",
            MINIMAL + "volumeConfigurations: [{name: a, managedEBSVolume: {roleArn: r}}]",
            "spec.volumeConfigurations[0].managedEBSVolume.sizeInGiB",
            "set sizeInGiB or snapshotId"),
        invalid(
            "tag key with the aws: prefix",
            MINIMAL + "tags: {\"aws:team\": web}",
            "spec.tags",
            "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved"));
  }

  static Stream<Arguments> validManifests() throws IOException {
    return Stream.of(
        Arguments.of("every field", FULL_SPEC),
        Arguments.of("the smallest spec", MINIMAL),
        Arguments.of(
            "references to other objects",
            "clusterRef: {name: shop}\ntaskDefinitionRef: {name: web}\n"),
        Arguments.of("the DAEMON example", exampleSpec("daemon-service.yaml")),
        Arguments.of("the adoption example", exampleSpec("adopt-existing-service.yaml")),
        Arguments.of(
            "a restartedAt with an offset and fractions",
            MINIMAL + "restartedAt: \"2025-01-31T12:00:00.123+02:00\"\n"),
        Arguments.of(
            "a Classic Load Balancer with a rolling strategy",
            MINIMAL
                + "deploymentConfiguration: {strategy: ROLLING}\n"
                + "loadBalancers: [{loadBalancerName: classic-web, containerName: web,"
                + " containerPort: 8080}]\n"),
        Arguments.of(
            "a canary of 0.1 percent",
            MINIMAL
                + "deploymentConfiguration: {strategy: CANARY, canaryConfiguration:"
                + " {canaryPercent: 0.1, canaryBakeTimeInMinutes: 0}}\n"),
        Arguments.of(
            "empty lists remove load balancers and registries",
            MINIMAL + "loadBalancers: []\nserviceRegistries: []\n"));
  }

  @Test
  void anObjectNameThatIsNoServiceNameNeedsServiceName() {
    Processes.Result result = apply(manifest("web.prod", MINIMAL));

    assertRefused(result);
    assertThat(result.stderr())
        .contains("spec.serviceName:")
        .contains("metadata.name is not a valid ECS service name");

    apply(manifest("web.prod", MINIMAL + "serviceName: web-prod"))
        .assertSuccess("the same name with spec.serviceName");
  }

  private static final String IMMUTABLE_BASE =
      """
      serviceName: fixed
      region: eu-west-1
      cluster: shop
      taskDefinition: web
      launchType: EC2
      schedulingStrategy: REPLICA
      role: ecsServiceRole
      desiredCount: 1
      """;

  private static final String REFERENCED_BASE =
      """
      clusterRef: {name: shop}
      taskDefinitionRef: {name: web}
      """;

  static Stream<Arguments> immutableChanges() {
    return Stream.of(
        Arguments.of(
            "serviceName changed",
            IMMUTABLE_BASE,
            IMMUTABLE_BASE.replace("serviceName: fixed", "serviceName: renamed"),
            "serviceName is immutable"),
        Arguments.of(
            "serviceName removed",
            IMMUTABLE_BASE,
            IMMUTABLE_BASE.replace("serviceName: fixed\n", ""),
            "serviceName is immutable"),
        Arguments.of(
            "cluster changed",
            IMMUTABLE_BASE,
            IMMUTABLE_BASE.replace("cluster: shop", "cluster: other"),
            "cluster and clusterRef are immutable"),
        Arguments.of(
            "cluster replaced by clusterRef",
            IMMUTABLE_BASE,
            IMMUTABLE_BASE.replace("cluster: shop", "clusterRef: {name: shop}"),
            "cluster and clusterRef are immutable"),
        Arguments.of(
            "clusterRef changed",
            REFERENCED_BASE,
            REFERENCED_BASE.replace("{name: shop}", "{name: other}"),
            "cluster and clusterRef are immutable"),
        Arguments.of(
            "launchType changed",
            IMMUTABLE_BASE,
            IMMUTABLE_BASE.replace("launchType: EC2", "launchType: FARGATE"),
            "launchType is immutable"),
        Arguments.of(
            "launchType removed",
            IMMUTABLE_BASE,
            IMMUTABLE_BASE.replace("launchType: EC2\n", ""),
            "launchType is immutable"),
        Arguments.of(
            "schedulingStrategy changed",
            IMMUTABLE_BASE.replace("desiredCount: 1\n", ""),
            IMMUTABLE_BASE
                .replace("desiredCount: 1\n", "")
                .replace("schedulingStrategy: REPLICA", "schedulingStrategy: DAEMON"),
            "schedulingStrategy is immutable"),
        Arguments.of(
            "role changed",
            IMMUTABLE_BASE,
            IMMUTABLE_BASE.replace("role: ecsServiceRole", "role: other"),
            "role is immutable"),
        Arguments.of(
            "region changed",
            IMMUTABLE_BASE,
            IMMUTABLE_BASE.replace("eu-west-1", "us-east-1"),
            "region is immutable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("immutableChanges")
  void changingAnImmutableFieldIsRefused(
      String name, String original, String changed, String message) {
    assertChangeRefused(original, changed, message);
  }

  @Test
  void mutableFieldsOfAnExistingObjectCanStillChange() {
    String object = nextName();
    apply(manifest(object, IMMUTABLE_BASE)).assertSuccess("apply the original");

    apply(
            manifest(
                object,
                IMMUTABLE_BASE
                        .replace("desiredCount: 1", "desiredCount: 4")
                        .replace("taskDefinition: web", "taskDefinition: web:2")
                    + "restartedAt: \"2025-02-01T08:00:00Z\"\n"))
        .assertSuccess("apply a change of mutable fields");

    assertThat(get(object, "{.spec.desiredCount} {.spec.taskDefinition} {.spec.serviceName}"))
        .isEqualTo("4 web:2 fixed");
  }

  @Test
  void aNewObjectShowsInProgressStatusAndThePrinterColumns() {
    String object = nextName();
    apply(manifest(object, MINIMAL)).assertSuccess("apply");

    assertThat(get(object, "{.status.observedGeneration}"))
        .as("R1: a new object is InProgress until the operator has seen it")
        .isEqualTo("-1");
    String header =
        bed.kubectl("get", "ecssvc", "-n", namespace, "-o", "wide")
            .assertSuccess("get -o wide by the short name")
            .stdout()
            .lines()
            .findFirst()
            .orElseThrow();
    assertThat(header.split("\\s+"))
        .containsExactly(
            "NAME", "READY", "STATUS", "DESIRED", "RUNNING", "ROLLOUT", "STAGE", "AGE", "ARN");
  }
}

package io.ecsoperator.operator.cli;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Invalid manifests of the kinds the CLI handles, each with the field the error must name and a
 * part of the message. The same table runs against the CLI (ManifestLoaderTest) and the real API
 * server (CliValidationIT), so the CLI refuses what {@code kubectl apply} refuses, for the same
 * reason and field. Every CEL rule of the CRDs that applies to a new object has a case.
 */
public final class ValidationCases {

  /**
   * @param kind the object's kind
   * @param name metadata.name
   * @param spec the spec, unindented
   * @param field the field the error names
   * @param message part of the error message that both the CLI and the API server print
   */
  public record Case(String kind, String name, String spec, String field, String message) {
    @Override
    public String toString() {
      return kind + " " + field + ": " + message;
    }

    public String manifest() {
      return """
          apiVersion: ecsoperator.io/v1alpha1
          kind: %s
          metadata:
            name: %s
          spec:
          %s"""
          .formatted(kind, name, spec.indent(2));
    }
  }

  private ValidationCases() {}

  private static Case ecr(String spec, String field, String message) {
    return new Case("EcrRepository", "web", spec, field, message);
  }

  private static Case pullThroughCacheRule(String spec, String field, String message) {
    return new Case("EcrPullThroughCacheRule", "docker-hub", spec, field, message);
  }

  private static Case creationTemplate(String spec, String field, String message) {
    return new Case("EcrRepositoryCreationTemplate", "shop", spec, field, message);
  }

  private static Case cluster(String spec, String field, String message) {
    return new Case("EcsCluster", "shop", spec, field, message);
  }

  private static Case taskDefinition(String spec, String field, String message) {
    return new Case("EcsTaskDefinition", "web", spec, field, message);
  }

  private static Case service(String spec, String field, String message) {
    return new Case("EcsService", "web", spec, field, message);
  }

  private static Case task(String spec, String field, String message) {
    return new Case("EcsTask", "migrate", spec, field, message);
  }

  private static Case scheduledTask(String spec, String field, String message) {
    return new Case("EcsScheduledTask", "nightly-report", SCHEDULED + spec, field, message);
  }

  /** A valid EcsScheduledTask spec that the cases add one wrong field to. */
  private static final String SCHEDULED =
      """
      schedule: rate(1 hour)
      roleArn: arn:aws:iam::123456789012:role/scheduler
      task: {cluster: shop, taskDefinition: report}
      """;

  /** A valid Fargate task definition that the cases break one field at a time. */
  private static final String FARGATE =
      """
      requiresCompatibilities: [FARGATE]
      networkMode: awsvpc
      cpu: "256"
      memory: "512"
      containerDefinitions:
        - name: web
          image: nginx:1.27
          portMappings:
            - containerPort: 80
      """;

  /** The smallest valid service spec. */
  private static final String SERVICE = "cluster: shop\ntaskDefinition: web\n";

  private static final String DAEMON = SERVICE + "schedulingStrategy: DAEMON\n";

  private static String trackingPolicy(String fields) {
    return SERVICE
        + "autoScaling:\n  minCapacity: 1\n  maxCapacity: 4\n  targetTrackingPolicies:\n"
        + "    - {policyName: requests, targetValue: 100, "
        + fields
        + "}\n";
  }

  private static final String EXPIRE_RULE =
      """
      - rulePriority: %d
        selection: {tagStatus: %s, countType: imageCountMoreThan, countNumber: 3}
        action: {type: expire}
      """;

  private static String lifecycle(String rules) {
    return "lifecyclePolicy:\n  rules:\n" + rules.indent(4);
  }

  private static String selection(String selection) {
    return lifecycle(
        "- rulePriority: 1\n  selection: " + selection + "\n  action: {type: expire}\n");
  }

  /** Every case. */
  public static List<Case> all() {
    return List.of(
        // OpenAPI schema: unknown fields, types, enums, required, patterns, lengths, ranges, sizes
        ecr("scanOnPush: true", "spec.scanOnPush", "unknown field"),
        ecr(
            "imageScanningConfiguration: {scanOnPush: yes please}",
            "spec.imageScanningConfiguration.scanOnPush",
            "must be of type boolean"),
        ecr("tags: {team: 7}", "spec.tags.team", "must be of type string"),
        ecr(
            "imageTagMutability: SOMETIMES",
            "spec.imageTagMutability",
            "Unsupported value: \"SOMETIMES\""),
        ecr(
            "encryptionConfiguration: {}",
            "spec.encryptionConfiguration.encryptionType",
            "Required value"),
        ecr("repositoryName: Shop/Web", "spec.repositoryName", "should match"),
        ecr("repositoryName: a", "spec.repositoryName", "should be at least 2 chars long"),
        ecr(
            "encryptionConfiguration: {encryptionType: KMS, kmsKey: \"" + "k".repeat(2049) + "\"}",
            "spec.encryptionConfiguration.kmsKey",
            "Too long"),
        ecr(
            lifecycle(EXPIRE_RULE.formatted(0, "untagged")),
            "spec.lifecyclePolicy.rules[0].rulePriority",
            "should be greater than or equal to 1"),
        ecr(
            "imageTagMutability: IMMUTABLE_WITH_EXCLUSION\nimageTagMutabilityExclusionFilters:\n"
                + IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> "  - filter: f" + i + "\n")
                    .collect(Collectors.joining()),
            "spec.imageTagMutabilityExclusionFilters",
            "Too many: 6: must have at most 5 items"),
        ecr(tags(49), "spec.tags", "Too many: 49: must have at most 48 items"),
        cluster(
            "defaultCapacityProviderStrategy: [{capacityProvider: FARGATE, weight: 1001}]",
            "spec.defaultCapacityProviderStrategy[0].weight",
            "should be less than or equal to 1000"),
        cluster(
            "settings: [{name: containerInsights}]", "spec.settings[0].value", "Required value"),
        // CEL rules of EcrPullThroughCacheRule and EcrRepositoryCreationTemplate
        pullThroughCacheRule(
            "ecrRepositoryPrefix: docker-hub\nupstreamRegistry: docker-hub\n"
                + "upstreamRegistryUrl: registry-1.docker.io\n",
            "spec.credentialArn",
            "credentialArn is required for docker-hub"),
        pullThroughCacheRule(
            "ecrRepositoryPrefix: ecr-public\nupstreamRegistry: ecr-public\n"
                + "upstreamRegistryUrl: public.ecr.aws\ntags: {team: shop}\n",
            "spec.tags",
            "tags are not supported: ECR keeps no tags on a pull through cache rule"),
        creationTemplate(
            "prefix: shop/\nappliedFor: [CREATE_ON_PUSH, CREATE_ON_PUSH]\n",
            "spec.appliedFor",
            "appliedFor must not repeat a value"),
        creationTemplate(
            "prefix: shop/\nappliedFor: [CREATE_ON_PUSH]\ntags: {team: shop}\n",
            "spec.tags",
            "tags are not supported: ECR keeps no tags on a repository creation template"),
        // CEL rules of EcrRepository
        new Case(
            "EcrRepository",
            "a",
            "{}",
            "spec.repositoryName",
            "is not a valid ECR repository name"),
        ecr(
            "imageTagMutability: IMMUTABLE_WITH_EXCLUSION",
            "spec.imageTagMutabilityExclusionFilters",
            "imageTagMutabilityExclusionFilters are required with the *_WITH_EXCLUSION modes"),
        ecr(
            "encryptionConfiguration: {encryptionType: AES256, kmsKey: alias/x}",
            "spec.encryptionConfiguration.kmsKey",
            "kmsKey is only allowed with encryptionType KMS or KMS_DSSE"),
        ecr(
            lifecycle(EXPIRE_RULE.formatted(1, "untagged") + EXPIRE_RULE.formatted(1, "untagged")),
            "spec.lifecyclePolicy.rules",
            "rulePriority must be unique across rules"),
        ecr(
            lifecycle(EXPIRE_RULE.formatted(1, "any") + EXPIRE_RULE.formatted(2, "untagged")),
            "spec.lifecyclePolicy.rules",
            "a rule with tagStatus any must have the highest rulePriority"),
        ecr(
            lifecycle(
                """
                - rulePriority: 1
                  selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 3}
                  action: {type: transition}
                """),
            "spec.lifecyclePolicy.rules[0].action.targetStorageClass",
            "targetStorageClass is required with type transition"),
        ecr(
            selection("{tagStatus: tagged, countType: imageCountMoreThan, countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.tagStatus",
            "tagStatus tagged needs tagPrefixList or tagPatternList"),
        ecr(
            selection(
                "{tagStatus: untagged, tagPrefixList: [v], countType: imageCountMoreThan,"
                    + " countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.tagStatus",
            "tagPrefixList and tagPatternList are only allowed with tagStatus tagged"),
        ecr(
            selection(
                "{tagStatus: tagged, tagPrefixList: [v], tagPatternList: [\"v*\"], countType:"
                    + " imageCountMoreThan, countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.tagPatternList",
            "give tagPrefixList or tagPatternList, not both"),
        ecr(
            selection("{tagStatus: untagged, countType: sinceImagePushed, countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.countUnit",
            "countUnit is required with the time-based count types"),
        ecr(
            selection(
                "{tagStatus: untagged, countType: sinceImageTransitioned, countUnit: days,"
                    + " countNumber: 3}"),
            "spec.lifecyclePolicy.rules[0].selection.storageClass",
            "countType sinceImageTransitioned needs storageClass archive"),
        ecr(
            "tags: {\"AWS:team\": web}",
            "spec.tags",
            "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved"),
        ecr(
            "tags: {team: " + "v".repeat(257) + "}",
            "spec.tags",
            "tag keys are at most 128 characters and values at most 256"),
        // CEL rules of EcsCluster
        new Case(
            "EcsCluster",
            "shop.internal",
            "{}",
            "spec.clusterName",
            "is not a valid ECS cluster name"),
        cluster(
            "capacityProviders: [FARGATE]\ndefaultCapacityProviderStrategy:\n"
                + "  - {capacityProvider: FARGATE_SPOT, weight: 1}",
            "spec.defaultCapacityProviderStrategy",
            "every provider of defaultCapacityProviderStrategy must be in capacityProviders"),
        cluster(
            "defaultCapacityProviderStrategy:\n"
                + "  - {capacityProvider: FARGATE, capacityProviderRef: {name: spot}, weight: 1}",
            "spec.defaultCapacityProviderStrategy[0].capacityProvider",
            "set exactly one of capacityProvider and capacityProviderRef"),
        cluster(
            "defaultCapacityProviderStrategy: [{weight: 1}]",
            "spec.defaultCapacityProviderStrategy[0].capacityProvider",
            "set exactly one of capacityProvider and capacityProviderRef"),
        cluster(
            "capacityProviderRefs: [{name: asg}, {name: asg}]",
            "spec.capacityProviderRefs",
            "each capacity provider reference may appear once"),
        cluster(
            "defaultCapacityProviderStrategy:\n  - {capacityProviderRef: {name: asg}, weight: 1}\n"
                + "  - {capacityProviderRef: {name: asg}, weight: 2}",
            "spec.defaultCapacityProviderStrategy",
            "each capacity provider may appear once in the strategy"),
        cluster(
            "settings:\n  - {name: containerInsights, value: enabled}\n"
                + "  - {name: containerInsights, value: disabled}",
            "spec.settings",
            "each setting name may appear once"),
        cluster(
            "capacityProviders: [FARGATE, FARGATE]",
            "spec.capacityProviders",
            "each capacity provider may appear once"),
        cluster(
            "defaultCapacityProviderStrategy:\n  - {capacityProvider: FARGATE, weight: 1}\n"
                + "  - {capacityProvider: FARGATE, weight: 2}",
            "spec.defaultCapacityProviderStrategy",
            "each capacity provider may appear once in the strategy"),
        cluster(
            "defaultCapacityProviderStrategy:\n  - {capacityProvider: FARGATE, weight: 1, base: 1}\n"
                + "  - {capacityProvider: FARGATE_SPOT, weight: 1, base: 2}",
            "spec.defaultCapacityProviderStrategy",
            "only one capacity provider of the strategy may have a base"),
        cluster(
            "defaultCapacityProviderStrategy:\n  - {capacityProvider: FARGATE, base: 1}\n"
                + "  - {capacityProvider: FARGATE_SPOT}",
            "spec.defaultCapacityProviderStrategy",
            "at least one capacity provider of the strategy must have a weight above 0"),
        cluster(
            "configuration: {executeCommandConfiguration: {logging: OVERRIDE}}",
            "spec.configuration.executeCommandConfiguration.logConfiguration",
            "logConfiguration is required with logging OVERRIDE"),
        cluster(
            "configuration:\n  executeCommandConfiguration:\n    logging: OVERRIDE\n"
                + "    logConfiguration: {s3KeyPrefix: exec/}",
            "spec.configuration.executeCommandConfiguration.logConfiguration.s3KeyPrefix",
            "s3KeyPrefix needs s3BucketName"),
        cluster(
            "tags: {ecsoperator.io/owner: me}",
            "spec.tags",
            "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved"),
        cluster(
            "tags: {" + "k".repeat(129) + ": v}",
            "spec.tags",
            "tag keys are at most 128 characters and values at most 256"),
        // EcsTaskDefinition: schema, then its CEL rules
        taskDefinition(FARGATE + "taskRole: web\n", "spec.taskRole", "unknown field"),
        taskDefinition(FARGATE.replace("cpu: \"256\"", "cpu: 256m"), "spec.cpu", "should match"),
        taskDefinition(
            "containerDefinitions: [{name: web}]",
            "spec.containerDefinitions[0].image",
            "Required value"),
        new Case("EcsTaskDefinition", "web", "", "spec", "spec is required"),
        new Case(
            "EcsTaskDefinition",
            "web.app",
            FARGATE,
            "spec.family",
            "metadata.name is not a valid task definition family"),
        taskDefinition(
            "containerDefinitions: [{name: web, image: nginx}, {name: web, image: envoy}]",
            "spec.containerDefinitions",
            "container names must be unique"),
        taskDefinition(
            FARGATE.replace("[FARGATE]", "[FARGATE, FARGATE]"),
            "spec.requiresCompatibilities",
            "requiresCompatibilities must not repeat a value"),
        taskDefinition(
            FARGATE + "volumes: [{name: data}, {name: data}]\n",
            "spec.volumes",
            "volume names must be unique"),
        taskDefinition(
            FARGATE.replace("memory: \"512\"", "memory: \"4096\""),
            "spec.cpu",
            "with FARGATE, cpu and memory are required and must be a Fargate combination"),
        taskDefinition(
            FARGATE.replace("networkMode: awsvpc", "networkMode: bridge"),
            "spec.networkMode",
            "FARGATE needs networkMode awsvpc"),
        taskDefinition(
            FARGATE.replace("- containerPort: 80", "- {containerPort: 80, hostPort: 8080}"),
            "spec.containerDefinitions",
            "with networkMode awsvpc or host, a portMapping's hostPort must equal its"
                + " containerPort or be omitted"),
        taskDefinition(
            "containerDefinitions: [{name: web, image: nginx, essential: false}]",
            "spec.containerDefinitions",
            "at least one container must be essential"),
        taskDefinition(FARGATE + tags(48), "spec.tags", "a task definition takes at most 47 tags"),
        // EcsService: schema, then its CEL rules
        service(SERVICE + "desiredCount: -1", "spec.desiredCount", "should be greater than"),
        service("cluster: team/shop\ntaskDefinition: web", "spec.cluster", "should match"),
        service(SERVICE + "launchType: LAMBDA", "spec.launchType", "Unsupported value"),
        new Case("EcsService", "web", "", "spec", "spec is required"),
        new Case(
            "EcsService",
            "web.prod",
            SERVICE,
            "spec.serviceName",
            "metadata.name is not a valid ECS service name"),
        service("taskDefinition: web", "spec.cluster", "set exactly one of cluster and clusterRef"),
        service(
            SERVICE + "clusterRef: {name: shop}",
            "spec.cluster",
            "set exactly one of cluster and clusterRef"),
        service(
            "cluster: shop",
            "spec.taskDefinition",
            "set exactly one of taskDefinition and taskDefinitionRef"),
        service(
            SERVICE
                + "launchType: FARGATE\ncapacityProviderStrategy: [{capacityProvider: FARGATE}]",
            "spec.capacityProviderStrategy",
            "set launchType or capacityProviderStrategy, not both"),
        service(
            SERVICE
                + "capacityProviderStrategy:\n  - {capacityProvider: FARGATE, weight: 1}\n"
                + "  - {capacityProvider: FARGATE, weight: 2}",
            "spec.capacityProviderStrategy",
            "each capacity provider may appear once in the strategy"),
        service(
            SERVICE
                + "capacityProviderStrategy:\n"
                + "  - {capacityProvider: FARGATE, capacityProviderRef: {name: asg}}",
            "spec.capacityProviderStrategy[0].capacityProvider",
            "set exactly one of capacityProvider and capacityProviderRef"),
        service(
            SERVICE
                + "capacityProviderStrategy:\n  - {capacityProviderRef: {name: asg}, weight: 1}\n"
                + "  - {capacityProviderRef: {name: asg}, weight: 2}",
            "spec.capacityProviderStrategy",
            "each capacity provider may appear once in the strategy"),
        service(
            DAEMON + "desiredCount: 2",
            "spec.desiredCount",
            "a DAEMON service runs one task per container instance: desiredCount is not allowed"),
        service(
            DAEMON + "autoScaling: {minCapacity: 1, maxCapacity: 2}",
            "spec.autoScaling",
            "a DAEMON service cannot be auto scaled"),
        service(
            DAEMON + "placementStrategy: [{type: random}]",
            "spec.placementStrategy",
            "a DAEMON service takes no placementStrategy"),
        service(
            DAEMON + "launchType: FARGATE",
            "spec.schedulingStrategy",
            "a DAEMON service runs on EC2 or external instances: not on Fargate nor a strategy"),
        service(
            SERVICE + "deploymentConfiguration: {maximumPercent: 50, minimumHealthyPercent: 100}",
            "spec.deploymentConfiguration.maximumPercent",
            "maximumPercent must not be below minimumHealthyPercent"),
        service(
            SERVICE + "deploymentConfiguration: {linearConfiguration: {stepPercent: 10.0}}",
            "spec.deploymentConfiguration.linearConfiguration",
            "linearConfiguration needs strategy LINEAR"),
        service(
            SERVICE
                + "deploymentConfiguration:\n  strategy: LINEAR\n"
                + "  canaryConfiguration: {canaryPercent: 10.0}",
            "spec.deploymentConfiguration.canaryConfiguration",
            "canaryConfiguration needs strategy CANARY"),
        service(
            SERVICE + "loadBalancers: [{targetGroupArn: tg, loadBalancerName: lb}]",
            "spec.loadBalancers[0]",
            "set exactly one of targetGroupArn (ALB, NLB) and loadBalancerName (Classic)"),
        service(
            SERVICE
                + "networkConfiguration: {awsvpcConfiguration: {subnets: [subnet-1, subnet-1]}}",
            "spec.networkConfiguration.awsvpcConfiguration.subnets",
            "each subnet may appear once"),
        service(
            SERVICE
                + "networkConfiguration: {awsvpcConfiguration: {subnets: [subnet-1],"
                + " securityGroups: [sg-1, sg-1]}}",
            "spec.networkConfiguration.awsvpcConfiguration.securityGroups",
            "each security group may appear once"),
        service(
            SERVICE + "placementConstraints: [{type: memberOf}]",
            "spec.placementConstraints[0].expression",
            "memberOf needs an expression"),
        service(
            SERVICE + "placementConstraints: [{type: distinctInstance, expression: x}]",
            "spec.placementConstraints[0].expression",
            "distinctInstance takes no expression"),
        service(
            SERVICE + "placementStrategy: [{type: random, field: memory}]",
            "spec.placementStrategy[0].field",
            "random takes no field"),
        service(
            SERVICE
                + "serviceConnectConfiguration:\n  enabled: true\n"
                + "  services: [{portName: http}, {portName: http}]",
            "spec.serviceConnectConfiguration.services",
            "each portName may appear once"),
        service(
            SERVICE + "volumeConfigurations: [{name: a, managedEBSVolume: {roleArn: r}}]",
            "spec.volumeConfigurations[0].managedEBSVolume.sizeInGiB",
            "set sizeInGiB or snapshotId"),
        service(
            SERVICE + "autoScaling: {minCapacity: 5, maxCapacity: 2}",
            "spec.autoScaling.minCapacity",
            "minCapacity must not exceed maxCapacity"),
        service(
            SERVICE
                + "autoScaling:\n  minCapacity: 1\n  maxCapacity: 4\n  targetTrackingPolicies:\n"
                + "    - {policyName: cpu, predefinedMetricType: ECSServiceAverageCPUUtilization,"
                + " targetValue: 60}\n"
                + "    - {policyName: cpu, predefinedMetricType:"
                + " ECSServiceAverageMemoryUtilization, targetValue: 60}\n",
            "spec.autoScaling.targetTrackingPolicies",
            "targetTrackingPolicies[].policyName must be unique"),
        service(
            trackingPolicy("predefinedMetricType: ALBRequestCountPerTarget"),
            "spec.autoScaling.targetTrackingPolicies[0].resourceLabel",
            "resourceLabel is required with ALBRequestCountPerTarget"),
        service(
            trackingPolicy(
                "predefinedMetricType: ECSServiceAverageCPUUtilization, resourceLabel:"
                    + " app/shop/1/targetgroup/web/2"),
            "spec.autoScaling.targetTrackingPolicies[0].resourceLabel",
            "resourceLabel is only for ALBRequestCountPerTarget"),
        service(
            SERVICE
                + "deploymentConfiguration: {strategy: BLUE_GREEN}\n"
                + "loadBalancers: [{targetGroupArn: tg, containerName: web, containerPort: 80}]",
            "spec.loadBalancers",
            "each load balancer needs advancedConfiguration"),
        service(
            SERVICE
                + "deploymentConfiguration: {strategy: CANARY}\n"
                + "deploymentController: {type: EXTERNAL}",
            "spec.deploymentController",
            "need the ECS deployment controller"),
        service(
            SERVICE
                + "loadBalancers:\n  - loadBalancerName: classic\n"
                + "    advancedConfiguration: {alternateTargetGroupArn: green,"
                + " productionListenerRule: rule, roleArn: role}",
            "spec.loadBalancers[0].advancedConfiguration",
            "Classic Load Balancers do not shift traffic"),
        service(
            hook("{hookTargetArn: fn, lifecycleStages: [POST_SCALE_UP]}"),
            "spec.deploymentConfiguration.lifecycleHooks[0].hookTargetArn",
            "an AWS_LAMBDA hook needs hookTargetArn and roleArn"),
        service(
            hook("{targetType: PAUSE, lifecycleStages: [TEST_TRAFFIC_SHIFT]}"),
            "spec.deploymentConfiguration.lifecycleHooks[0].lifecycleStages",
            "a PAUSE hook cannot wait during a traffic shift"),
        service(
            hook("{targetType: PAUSE, lifecycleStages: [PRE_SCALE_UP, PRE_SCALE_UP]}"),
            "spec.deploymentConfiguration.lifecycleHooks[0].lifecycleStages",
            "each stage may appear once"),
        service(
            SERVICE
                + "deploymentConfiguration: {strategy: LINEAR, linearConfiguration:"
                + " {stepPercent: 12.34}}",
            "spec.deploymentConfiguration.linearConfiguration.stepPercent",
            "stepPercent must be a multiple of 0.1"),
        service(
            SERVICE
                + "deploymentConfiguration: {strategy: CANARY, canaryConfiguration:"
                + " {canaryPercent: 0.15}}",
            "spec.deploymentConfiguration.canaryConfiguration.canaryPercent",
            "canaryPercent must be a multiple of 0.1"),
        task("task: {taskDefinition: migrate}", "spec.task.cluster", "set exactly one of cluster"),
        task(
            "task: {cluster: shop, taskDefinition: migrate, taskDefinitionRef: {name: migrate}}",
            "spec.task.taskDefinition",
            "set exactly one of taskDefinition and taskDefinitionRef"),
        task(
            "task: {cluster: shop, taskDefinition: migrate, launchType: FARGATE,"
                + " capacityProviderStrategy: [{capacityProvider: FARGATE}]}",
            "spec.task.capacityProviderStrategy",
            "set launchType or capacityProviderStrategy, not both"),
        task(
            "task: {cluster: shop, taskDefinition: migrate,"
                + " capacityProviderStrategy: [{capacityProvider: FARGATE,"
                + " capacityProviderRef: {name: asg}}]}",
            "spec.task.capacityProviderStrategy[0].capacityProvider",
            "set exactly one of capacityProvider and capacityProviderRef"),
        task(
            "task: {cluster: shop, taskDefinition: migrate, overrides: {containerOverrides:"
                + " [{name: app}, {name: app}]}}",
            "spec.task.overrides.containerOverrides",
            "each container may be overridden once"),
        new Case(
            "EcsCapacityProvider",
            "ecs-workers",
            ASG_PROVIDER,
            "spec.name",
            "metadata.name is not a valid capacity provider name"),
        capacityProvider(
            "tags: {team: shop}",
            "spec.autoScalingGroupProvider",
            "set exactly one of autoScalingGroupProvider and managedInstancesProvider"),
        capacityProvider(
            ASG_PROVIDER + "cluster: shop",
            "spec.cluster",
            "an autoScalingGroupProvider is attached by the cluster's capacityProviders"),
        capacityProvider(
            ASG_PROVIDER + "name: fargate-workers",
            "spec.name",
            "capacity provider names may not start with aws, ecs or fargate"),
        capacityProvider(
            managedInstances("{vCpuCount: {min: 2}, memoryMiB: {min: 4096}}"),
            "spec.cluster",
            "a managedInstancesProvider belongs to one cluster"),
        capacityProvider(
            "cluster: shop\n"
                + managedInstances("{vCpuCount: {min: 8, max: 2}, memoryMiB: {min: 4096}}"),
            "spec.managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount",
            "min must not exceed max"),
        capacityProvider(
            "cluster: shop\n" + managedInstances("{vCpuCount: {max: 8}, memoryMiB: {min: 4096}}"),
            "spec.managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount",
            "min is required"),
        new Case(
            "EcsScheduledTask",
            "nightly-report-of-the-finance-team-for-the-whole-company-and-its-subsidiaries",
            SCHEDULED,
            "spec.scheduleName",
            "metadata.name is not a valid schedule name"),
        scheduledTask(
            "startDate: \"2027-02-01T00:00:00Z\"\nendDate: \"2027-01-01T00:00:00Z\"",
            "spec.endDate",
            "startDate must be before endDate"),
        scheduledTask(
            "timeZone: Europe/Paris", "spec.timeZone", "a rate() schedule has no time zone"),
        scheduledTask(
            "startingDeadlineSeconds: 90",
            "spec.startingDeadlineSeconds",
            "startingDeadlineSeconds must be whole minutes"),
        new Case(
            "EcrReplicationConfiguration",
            "replication",
            "rules: []\ntags: {team: web}",
            "spec.tags",
            "registry settings have no tags"),
        new Case(
            "EcrReplicationConfiguration",
            "replication",
            "rules: [{destinations: [{region: eu-west-1, registryId: \"123456789012\"},"
                + " {region: eu-west-1, registryId: \"123456789012\"}]}]",
            "spec.rules[0].destinations",
            "each destination may appear once in a rule"),
        new Case(
            "EcrRegistryScanningConfiguration",
            "scanning",
            "tags: {team: web}",
            "spec.tags",
            "registry settings have no tags"),
        new Case(
            "EcrRegistryScanningConfiguration",
            "scanning",
            "rules: [{scanFrequency: CONTINUOUS_SCAN, repositoryFilters: [{filter: \"*\"}]}]",
            "spec.rules",
            "BASIC scanning supports the SCAN_ON_PUSH and MANUAL frequencies"));
  }

  /** A Managed Instances provider with these instance requirements, without its cluster. */
  private static String managedInstances(String requirements) {
    return "managedInstancesProvider:\n"
        + "  infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole\n"
        + "  instanceLaunchTemplate:\n"
        + "    ec2InstanceProfileArn: arn:aws:iam::123456789012:instance-profile/ecsInstanceRole\n"
        + "    networkConfiguration: {subnets: [subnet-0a1b2c3d]}\n"
        + "    instanceRequirements: "
        + requirements
        + "\n";
  }

  /** An Auto Scaling group capacity provider, valid on its own. */
  private static final String ASG_PROVIDER =
      "autoScalingGroupProvider:\n"
          + "  autoScalingGroupArn: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
          + "9f8e7d6c-1111-2222-3333-444455556666:autoScalingGroupName/shop-ec2\n";

  private static Case capacityProvider(String spec, String field, String message) {
    return new Case("EcsCapacityProvider", "shop-ec2", spec, field, message);
  }

  private static String hook(String hook) {
    return SERVICE + "deploymentConfiguration:\n  lifecycleHooks:\n    - " + hook;
  }

  private static String tags(int count) {
    return "tags:\n"
        + IntStream.rangeClosed(1, count)
            .mapToObj(i -> "  key" + i + ": value" + i + "\n")
            .collect(Collectors.joining());
  }
}

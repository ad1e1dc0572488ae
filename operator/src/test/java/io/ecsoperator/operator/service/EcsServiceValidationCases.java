package io.ecsoperator.operator.service;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/**
 * The EcsService cases of {@link ValidationCases}: its schema's checks and one case per CEL rule.
 */
public final class EcsServiceValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
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
            "canaryPercent must be a multiple of 0.1"));
  }

  private static Case service(String spec, String field, String message) {
    return new Case("EcsService", "web", spec, field, message);
  }

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

  private static String hook(String hook) {
    return SERVICE + "deploymentConfiguration:\n  lifecycleHooks:\n    - " + hook;
  }
}

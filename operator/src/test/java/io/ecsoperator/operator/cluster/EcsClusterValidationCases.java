package io.ecsoperator.operator.cluster;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/**
 * The EcsCluster cases of {@link ValidationCases}: its schema's checks and one case per CEL rule.
 */
public final class EcsClusterValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
        cluster(
            "defaultCapacityProviderStrategy: [{capacityProvider: FARGATE, weight: 1001}]",
            "spec.defaultCapacityProviderStrategy[0].weight",
            "should be less than or equal to 1000"),
        cluster(
            "settings: [{name: containerInsights}]", "spec.settings[0].value", "Required value"),
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
            "tag keys are at most 128 characters and values at most 256"));
  }

  private static Case cluster(String spec, String field, String message) {
    return new Case("EcsCluster", "shop", spec, field, message);
  }
}

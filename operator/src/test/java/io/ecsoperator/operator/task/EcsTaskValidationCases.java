package io.ecsoperator.operator.task;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/** The EcsTask cases of {@link ValidationCases}: its schema's checks and one case per CEL rule. */
public final class EcsTaskValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
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
            "each container may be overridden once"));
  }

  private static Case task(String spec, String field, String message) {
    return new Case("EcsTask", "migrate", spec, field, message);
  }
}

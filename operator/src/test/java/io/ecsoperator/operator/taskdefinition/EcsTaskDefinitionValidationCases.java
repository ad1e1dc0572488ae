package io.ecsoperator.operator.taskdefinition;

import static io.ecsoperator.operator.cli.ValidationCases.tags;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/**
 * The EcsTaskDefinition cases of {@link ValidationCases}: its schema's checks and one case per CEL
 * rule.
 */
public final class EcsTaskDefinitionValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
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
        taskDefinition(FARGATE + tags(48), "spec.tags", "a task definition takes at most 47 tags"));
  }

  private static Case taskDefinition(String spec, String field, String message) {
    return new Case("EcsTaskDefinition", "web", spec, field, message);
  }

  /** A valid Fargate task definition that the cases break one field at a time. */
  static final String FARGATE =
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
}

package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Who runs the service's deployments. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeploymentController {

  /** The deployment controllers of ECS. */
  public enum Type {
    ECS,
    CODE_DEPLOY,
    EXTERNAL
  }

  @JsonPropertyDescription(
      "ECS (AWS default: ECS's own deployments), CODE_DEPLOY (blue/green through CodeDeploy) or"
          + " EXTERNAL (task sets managed by a third-party controller).")
  @Required
  public Type type;
}

package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedStatus;
import java.util.ArrayList;
import java.util.List;

/** Observed state of an ECS task definition family. */
public class EcsTaskDefinitionStatus extends ManagedStatus {

  @JsonPropertyDescription("Revision number of the current task definition revision.")
  public Long revision;

  @JsonPropertyDescription(
      "ARN of the current revision, e.g. arn:aws:ecs:...:task-definition/web:7.")
  public String taskDefinitionArn;

  @JsonPropertyDescription(
      "ARNs of the revisions this object registered and has not deregistered, oldest first.")
  public List<String> registeredRevisions = new ArrayList<>();
}

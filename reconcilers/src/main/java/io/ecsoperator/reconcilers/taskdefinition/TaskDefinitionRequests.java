package io.ecsoperator.reconcilers.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/** RegisterTaskDefinition requests made from a spec. Pure. */
public final class TaskDefinitionRequests {

  /**
   * Spec fields that are not RegisterTaskDefinition's content: the operator's own settings, and
   * family and tags, which the request gets from the caller.
   */
  private static final List<String> NOT_CONTENT =
      List.of(
          "family",
          "tags",
          "region",
          "deletionPolicy",
          "managementPolicy",
          "adopt",
          "revisionHistoryLimit");

  private TaskDefinitionRequests() {}

  /**
   * The request registering the spec's task definition as it is written (the spec already has
   * RegisterTaskDefinition's JSON names), in this family, with these tags.
   */
  public static RegisterTaskDefinitionRequest register(
      String family, EcsTaskDefinitionSpec spec, Map<String, String> tags) {
    ObjectNode content = Json.MAPPER.valueToTree(spec);
    content.remove(NOT_CONTENT);
    return SdkJson.fromJson(content, RegisterTaskDefinitionRequest.builder()).toBuilder()
        .family(family)
        .tags(EcsTags.toAws(tags))
        .build();
  }
}

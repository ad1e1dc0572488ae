package io.ecsoperator.reconcilers.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.task.EcsTaskSpec;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/**
 * The RunTask request of one attempt: the template's fields carry AWS's JSON names, so they go over
 * as they are; the operator adds the resolved cluster, revision and capacity provider names (for
 * strategy items naming an EcsCapacityProvider object), {@code startedBy}, the attempt's client
 * token and the tags (the user's, ownership and the attempt number).
 */
public final class RunTaskRequests {

  private RunTaskRequests() {}

  public static RunTaskRequest attempt(
      ResourceRef ref,
      EcsTaskSpec spec,
      String cluster,
      String taskDefinitionArn,
      ProviderNames providers,
      int attempt) {
    ObjectNode fields = (ObjectNode) Json.toTree(spec.task);
    fields.remove("clusterRef");
    fields.remove("taskDefinitionRef");
    JsonNode strategy = fields.path("capacityProviderStrategy");
    for (int i = 0; i < strategy.size(); i++) {
      ObjectNode item = (ObjectNode) strategy.get(i);
      item.remove("capacityProviderRef");
      item.put("capacityProvider", providers.of(spec.task.capacityProviderStrategy.get(i)));
    }
    fields.put("cluster", cluster);
    fields.put("taskDefinition", taskDefinitionArn);
    Map<String, String> tags = new TreeMap<>(spec.tagsOrEmpty());
    tags.putAll(ref.ownershipTags());
    tags.put(TaskIdentity.ATTEMPT_TAG, Integer.toString(attempt));
    return SdkJson.fromJson(fields, RunTaskRequest.builder()).toBuilder()
        .startedBy(TaskIdentity.startedBy(ref))
        .clientToken(TaskIdentity.clientToken(ref, attempt))
        .tags(EcsTags.toAws(tags))
        .build();
  }
}

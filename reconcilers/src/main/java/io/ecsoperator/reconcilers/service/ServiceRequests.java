package io.ecsoperator.reconcilers.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * CreateService and UpdateService requests from a spec. Pure. The spec's field names are the API's,
 * so its JSON is the request's; only the references, desiredCount and tags need filling in.
 */
final class ServiceRequests {

  /** Spec fields UpdateService does not take: they change through other calls or never. */
  private static final Set<String> NOT_UPDATED =
      Set.of(EcsServiceDiff.CLUSTER, EcsServiceDiff.TAGS, "autoScaling");

  private static final String LOAD_BALANCERS = "loadBalancers";

  private static final String DEPLOYMENT_CONFIGURATION = "deploymentConfiguration";

  /** The step configuration each strategy takes, and only it (API_DeploymentConfiguration). */
  private static final Map<String, String> STEPS_OF_STRATEGY =
      Map.of("linearConfiguration", "LINEAR", "canaryConfiguration", "CANARY");

  private ServiceRequests() {}

  /**
   * CreateService with every declared field, the given tags (ownership included) and an idempotency
   * token, so that a retry of a lost response does not make a second service.
   */
  static CreateServiceRequest create(
      EcsServiceSpec spec, ResolvedService resolved, Map<String, String> tags, String clientToken) {
    ObjectNode request = ServiceShape.desired(spec, resolved.providers());
    ServiceShape.forEachTagSpecification(request, ServiceShape::tagMapToList);
    request.put("serviceName", resolved.serviceName());
    request.put("cluster", resolved.cluster());
    request.put("taskDefinition", resolved.taskDefinitionArn());
    initialDesiredCount(spec).ifPresent(count -> request.put("desiredCount", count));
    ArrayNode tagList = request.putArray("tags");
    tags.forEach((key, value) -> tagList.addObject().put("key", key).put("value", value));
    request.put("clientToken", clientToken);
    return SdkJson.fromJson(request, CreateServiceRequest.builder());
  }

  /**
   * UpdateService with only the changed fields, or empty when no change needs it. A changed object
   * (deploymentConfiguration, networkConfiguration...) is sent as AWS has it with the declared
   * fields written over, so fields the spec leaves out keep AWS's values; a changed restartedAt
   * forces a new deployment. Load balancers keep the target group ECS has live after a blue/green,
   * linear or canary deployment swapped it with the alternate one.
   */
  static Optional<UpdateServiceRequest> update(
      EcsServiceSpec spec, ResolvedService resolved, ServiceShapes shapes, ChangeSet changes) {
    Set<String> fields = new LinkedHashSet<>();
    for (FieldChange change : changes.changes()) {
      String field = EcsServiceDiff.topLevel(change.path());
      if (!NOT_UPDATED.contains(field)) {
        fields.add(field);
      }
    }
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode desired = shapes.desired();
    ObjectNode described = shapes.described();
    ObjectNode request = desired.objectNode();
    request.put("cluster", resolved.cluster());
    request.put("service", resolved.serviceName());
    for (String field : fields) {
      switch (field) {
        case EcsServiceDiff.TASK_DEFINITION -> request.put(field, resolved.taskDefinitionArn());
        case EcsServiceDiff.DESIRED_COUNT -> request.put(field, spec.desiredCount);
        case EcsServiceDiff.RESTARTED_AT -> request.put("forceNewDeployment", true);
        case LOAD_BALANCERS ->
            request.set(
                field,
                TargetGroupPair.inLiveOrder(
                    desired.get(field), described.get(field), ServiceShape::targetGroupName));
        case DEPLOYMENT_CONFIGURATION ->
            request.set(
                field, stepsOfItsStrategy(overlay(described.get(field), desired.get(field))));
        default -> request.set(field, overlay(described.get(field), desired.get(field)));
      }
    }
    // A copy: the shapes stay as built, with the spec's tag maps.
    ObjectNode sent = request.deepCopy();
    ServiceShape.forEachTagSpecification(sent, ServiceShape::tagMapToList);
    return Optional.of(SdkJson.fromJson(sent, UpdateServiceRequest.builder()));
  }

  /**
   * The count a new service starts with: the spec's, else autoScaling's minimum, else 1; none for
   * DAEMON services, which run one task per instance.
   */
  static Optional<Integer> initialDesiredCount(EcsServiceSpec spec) {
    if (spec.daemon()) {
      return Optional.empty();
    }
    if (spec.desiredCount != null) {
      return Optional.of(spec.desiredCount);
    }
    return Optional.of(spec.autoScaling != null ? spec.autoScaling.minCapacity : 1);
  }

  /**
   * A deploymentConfiguration without the step configuration of another strategy: ECS fills
   * linearConfiguration or canaryConfiguration with its defaults for a LINEAR or CANARY service,
   * and either is valid only with its own strategy, so a change of strategy leaves AWS's out.
   */
  private static JsonNode stepsOfItsStrategy(JsonNode configuration) {
    if (configuration instanceof ObjectNode object) {
      String strategy = object.path("strategy").asText("ROLLING");
      STEPS_OF_STRATEGY.forEach(
          (steps, owner) -> {
            if (!owner.equals(strategy)) {
              object.remove(steps);
            }
          });
    }
    return configuration;
  }

  /** {@code declared} written over {@code current}: objects field by field, others replaced. */
  private static JsonNode overlay(JsonNode current, JsonNode declared) {
    if (current == null || !current.isObject() || !declared.isObject()) {
      return declared;
    }
    ObjectNode merged = ((ObjectNode) current).deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = declared.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      merged.set(field.getKey(), overlay(merged.get(field.getKey()), field.getValue()));
    }
    return merged;
  }
}

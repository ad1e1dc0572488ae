package io.ecsoperator.reconcilers.capacityprovider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProviderUpdate;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateManagedInstancesProviderConfiguration;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.UpdateManagedInstancesProviderConfiguration;

/**
 * ECS capacity providers: CreateCapacityProvider, UpdateCapacityProvider for the provider's
 * settings, TagResource / UntagResource for tags, DeleteCapacityProvider. A Managed Instances
 * provider is always named with its cluster, which AWS requires for it.
 */
public final class EcsCapacityProviderAdapter
    implements ResourceAdapter<EcsCapacityProviderSpec, EcsCapacityProviderState> {

  private static final String PROVIDER_IN_USE = "ProviderInUse";

  private final AwsClientFactory aws;
  private final String name;
  private final String cluster;
  private List<String> users = List.of();

  /**
   * @param name the AWS name (spec.name or metadata.name)
   * @param cluster the cluster of a Managed Instances provider (spec.cluster or the referenced
   *     EcsCluster's name); null for an Auto Scaling group provider
   */
  public EcsCapacityProviderAdapter(AwsClientFactory aws, String name, String cluster) {
    this.aws = aws;
    this.name = name;
    this.cluster = cluster;
  }

  /**
   * The same adapter, knowing the objects that use the provider by reference (e.g. "EcsService
   * web"): while there are any, deletion waits for them without asking AWS.
   */
  public EcsCapacityProviderAdapter usedBy(List<String> users) {
    this.users = List.copyOf(users);
    return this;
  }

  @Override
  public Observation<EcsCapacityProviderState> observe(
      ResourceRef ref, EcsCapacityProviderSpec spec) {
    EcsCapacityProviderState actual =
        EcsCapacityProviderReader.read(aws.forRegion(spec.region), name);
    if (actual == null) {
      return Observation.absent();
    }
    return Observation.tagged(
        ref, actual, actual.tags(), EcsCapacityProviderDiff.diff(spec, actual));
  }

  @Override
  public CreateResult<EcsCapacityProviderState> create(
      ResourceRef ref, EcsCapacityProviderSpec spec) {
    AwsClients clients = aws.forRegion(spec.region);
    Map<String, String> tags = new HashMap<>(spec.tagsOrEmpty());
    tags.putAll(ref.ownershipTags());
    CreateCapacityProviderRequest.Builder request =
        CreateCapacityProviderRequest.builder().name(name).tags(EcsTags.toAws(tags));
    if (spec.autoScalingGroupProvider != null) {
      request.autoScalingGroupProvider(
          SdkJson.fromJson(
              Json.toTree(spec.autoScalingGroupProvider), AutoScalingGroupProvider.builder()));
    } else {
      request
          .cluster(cluster)
          .managedInstancesProvider(
              SdkJson.fromJson(
                  Json.toTree(spec.managedInstancesProvider),
                  CreateManagedInstancesProviderConfiguration.builder()));
    }
    try {
      clients.ecsCall(
          ApiCategory.ECS_CLUSTER_MODIFY, ecs -> ecs.createCapacityProvider(request.build()));
    } catch (ClientException e) {
      if (e.getMessage() != null && e.getMessage().contains("already exists")) {
        return CreateResult.nameTaken();
      }
      throw e;
    }
    return CreateResult.created(EcsCapacityProviderReader.read(clients, name));
  }

  @Override
  public void adopt(ResourceRef ref, EcsCapacityProviderState actual) {
    EcsTags.writer(aws.forArn(actual.arn()), actual.arn()).tag(ref.ownershipTags());
  }

  @Override
  public EcsCapacityProviderState update(
      ResourceRef ref,
      EcsCapacityProviderSpec spec,
      Observation<EcsCapacityProviderState> observation) {
    AwsClients clients = aws.forRegion(spec.region);
    EcsCapacityProviderState actual = observation.actual();
    if (observation.changes().hasAny(ChangeStrategy.IN_PLACE)) {
      UpdateCapacityProviderRequest.Builder request =
          UpdateCapacityProviderRequest.builder().name(name);
      if (spec.autoScalingGroupProvider != null) {
        request.autoScalingGroupProvider(
            SdkJson.fromJson(
                merged(
                    actual.autoScalingGroupProvider(),
                    EcsCapacityProviderDiff.desiredAutoScalingGroup(spec)),
                AutoScalingGroupProviderUpdate.builder()));
      } else {
        request
            .cluster(cluster)
            .managedInstancesProvider(
                SdkJson.fromJson(
                    merged(
                        actual.managedInstancesProvider(),
                        EcsCapacityProviderDiff.desiredManagedInstances(spec)),
                    UpdateManagedInstancesProviderConfiguration.builder()));
      }
      clients.ecsCall(
          ApiCategory.ECS_CLUSTER_MODIFY, ecs -> ecs.updateCapacityProvider(request.build()));
    }
    if (observation.changes().has(EcsCapacityProviderDiff.TAGS)) {
      EcsTags.writer(clients, actual.arn()).sync(spec.tagsOrEmpty(), actual.tags());
    }
    return EcsCapacityProviderReader.read(clients, name);
  }

  /**
   * DeleteCapacityProvider answers a provider still in use with DELETE_FAILED and AWS's reason
   * (naming the cluster or service), not an error: the object waits and asks again. Otherwise AWS
   * has taken the deletion (DELETE_IN_PROGRESS, then INACTIVE) and nothing is left to do. Objects
   * known to use the provider are waited for first, by name.
   */
  @Override
  public DeleteOutcome delete(
      ResourceRef ref, EcsCapacityProviderSpec spec, EcsCapacityProviderState actual) {
    if ("DELETE_IN_PROGRESS".equals(actual.updateStatus())) {
      return DeleteOutcome.DONE;
    }
    if (!users.isEmpty()) {
      return DeleteOutcome.waiting(
          PROVIDER_IN_USE,
          "capacity provider "
              + name
              + " is still in use by "
              + String.join(", ", users)
              + "; it is deleted once they no longer use it");
    }
    AwsClients clients = aws.forRegion(spec.region);
    CapacityProvider answer =
        clients
            .ecsCall(
                ApiCategory.ECS_CLUSTER_MODIFY,
                ecs -> ecs.deleteCapacityProvider(r -> r.capacityProvider(name).cluster(cluster)))
            .capacityProvider();
    if (answer != null && "DELETE_FAILED".equals(answer.updateStatusAsString())) {
      return DeleteOutcome.waiting(
          PROVIDER_IN_USE,
          "capacity provider " + name + " is still in use: " + answer.updateStatusReason());
    }
    return DeleteOutcome.DONE;
  }

  /**
   * Ready once ACTIVE and no update is in progress; a failed creation or update stops with AWS's
   * reason.
   */
  @Override
  public Readiness readiness(EcsCapacityProviderSpec spec, EcsCapacityProviderState actual) {
    String update = actual.updateStatus();
    if ("CREATE_FAILED".equals(update) || "UPDATE_FAILED".equals(update)) {
      throw new TerminalException(
          update.equals("CREATE_FAILED") ? "CreateFailed" : "UpdateFailed",
          "capacity provider " + name + " is " + update + ": " + actual.updateStatusReason());
    }
    if (!"ACTIVE".equals(actual.status())) {
      return Readiness.waiting(
          Readiness.statusReason("Provider", actual.status()),
          "capacity provider " + name + " is " + actual.status());
    }
    if ("UPDATE_IN_PROGRESS".equals(update)) {
      return Readiness.waiting(
          "ProviderUpdating", "the update of capacity provider " + name + " is in progress");
    }
    return Readiness.READY;
  }

  /** AWS's provider with the spec's fields laid over it: an update keeps what the spec omits. */
  static ObjectNode merged(JsonNode actual, ObjectNode desired) {
    ObjectNode result = actual == null ? desired.objectNode() : ((ObjectNode) actual).deepCopy();
    desired
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode current = result.get(field.getKey());
              if (field.getValue().isObject() && current != null && current.isObject()) {
                result.set(field.getKey(), merged(current, (ObjectNode) field.getValue()));
              } else {
                result.set(field.getKey(), field.getValue());
              }
            });
    return result;
  }
}

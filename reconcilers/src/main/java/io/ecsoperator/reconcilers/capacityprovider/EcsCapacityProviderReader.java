package io.ecsoperator.reconcilers.capacityprovider;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.EcsFailures;
import io.ecsoperator.reconcilers.aws.Pages;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;

/**
 * Reads one capacity provider with a single DescribeCapacityProviders call (tags included).
 * Capacity provider calls share the cluster throttling buckets: ECS counts them as cluster resource
 * calls.
 */
public final class EcsCapacityProviderReader {

  private EcsCapacityProviderReader() {}

  /** The provider, or null when it does not exist or is INACTIVE (deleted; the name is free). */
  public static EcsCapacityProviderState read(AwsClients clients, String name) {
    DescribeCapacityProvidersResponse response = describe(clients, r -> r.capacityProviders(name));
    CapacityProvider provider =
        response.capacityProviders().stream()
            .filter(p -> name.equals(p.name()))
            .findFirst()
            .orElse(null);
    if (provider == null) {
      EcsFailures.requireOnlyMissing("DescribeCapacityProviders", response.failures());
      return null;
    }
    return "INACTIVE".equals(provider.statusAsString()) ? null : of(provider);
  }

  /**
   * The providers associated with a cluster, its Managed Instances providers included, as
   * DescribeCapacityProviders lists them with the cluster filter (10 a page; tags included);
   * FARGATE and FARGATE_SPOT, which AWS describes too, are left out.
   */
  public static List<EcsCapacityProviderState> ofCluster(AwsClients clients, String cluster) {
    return Pages.all(
            page -> describe(clients, r -> r.cluster(cluster).nextToken(page)),
            DescribeCapacityProvidersResponse::capacityProviders,
            DescribeCapacityProvidersResponse::nextToken)
        .stream()
        .filter(p -> p.autoScalingGroupProvider() != null || p.managedInstancesProvider() != null)
        .map(EcsCapacityProviderReader::of)
        .toList();
  }

  /** One DescribeCapacityProviders call, tags included. */
  private static DescribeCapacityProvidersResponse describe(
      AwsClients clients, Consumer<DescribeCapacityProvidersRequest.Builder> request) {
    return clients.ecsCall(
        ApiCategory.ECS_CLUSTER_READ,
        ecs ->
            ecs.describeCapacityProviders(
                r -> request.accept(r.include(CapacityProviderField.TAGS))));
  }

  /** The state of a provider as ECS describes it. */
  static EcsCapacityProviderState of(CapacityProvider provider) {
    return new EcsCapacityProviderState(
        provider.name(),
        provider.capacityProviderArn(),
        provider.statusAsString(),
        provider.updateStatusAsString(),
        provider.updateStatusReason(),
        provider.cluster(),
        provider.autoScalingGroupProvider() == null
            ? null
            : SdkJson.toJson(provider.autoScalingGroupProvider()),
        provider.managedInstancesProvider() == null
            ? null
            : SdkJson.toJson(provider.managedInstancesProvider()),
        EcsTags.of(provider.tags()));
  }
}

package io.ecsoperator.reconcilers.cluster;

import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsCallGuard;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.BatchedReader;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.cluster.EcsClusterState.StrategyItem;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.Readiness;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.ClusterContainsCapacityProviderException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsContainerInstancesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandConfiguration;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandLogConfiguration;
import software.amazon.awssdk.services.ecs.model.ManagedStorageConfiguration;
import software.amazon.awssdk.services.ecs.model.UpdateClusterRequest;

/**
 * ECS clusters: UpdateCluster for settings, configuration and the Service Connect namespace,
 * PutClusterCapacityProviders for providers and the default strategy, TagResource / UntagResource
 * for tags; each only when its fields changed.
 */
public final class EcsClusterAdapter implements ResourceAdapter<EcsClusterSpec, EcsClusterState> {

  private final AwsClientFactory aws;
  private final BatchedReader<String, EcsClusterState> reader;
  private final boolean fresh;
  private final String clusterName;
  private NamespaceName namespaceName;
  private ProviderNames providerNames = ProviderNames.NONE;
  private ManagedInstancesProviders managedInstances = ManagedInstancesProviders.NONE;

  /** An adapter that reads its cluster on its own, e.g. for a one-off run. */
  public EcsClusterAdapter(AwsClientFactory aws, String clusterName, NamespaceName namespaceName) {
    this(aws, EcsClusterReader.batched(aws, Duration.ZERO), true, clusterName, namespaceName);
  }

  /**
   * @param reader reads the clusters of a region together, for drift checks
   * @param fresh true to read the cluster rather than use an answer at hand (a new generation)
   * @param clusterName the AWS name (spec.clusterName or metadata.name)
   * @param namespaceName what an earlier reconcile learnt of the Service Connect namespace (from
   *     the object's status), or null
   */
  public EcsClusterAdapter(
      AwsClientFactory aws,
      BatchedReader<String, EcsClusterState> reader,
      boolean fresh,
      String clusterName,
      NamespaceName namespaceName) {
    this.aws = aws;
    this.reader = reader;
    this.fresh = fresh;
    this.clusterName = clusterName;
    this.namespaceName = namespaceName;
  }

  /** The same adapter, with the AWS names of the EcsCapacityProvider objects the spec refers to. */
  public EcsClusterAdapter referring(ProviderNames names) {
    this.providerNames = names;
    return this;
  }

  @Override
  public Observation<EcsClusterState> observe(ResourceRef ref, EcsClusterSpec spec) {
    List<String> desiredProviders = EcsClusterDiff.capacityProviders(spec, providerNames);
    EcsClusterState actual = reader.read(region(spec), clusterName, fresh);
    if (actual == null) {
      refuseManagedInstances(spec, desiredProviders, List.of());
      return Observation.absent();
    }
    actual =
        actual.withServiceConnectNamespaceName(
            NamespaceName.resolve(actual.serviceConnectNamespace(), namespaceName));
    refuseManagedInstances(spec, desiredProviders, actual.capacityProviders());
    return Observation.tagged(
        ref,
        actual,
        actual.tags(),
        EcsClusterDiff.diff(spec, providerNames, actual, managedInstances));
  }

  /**
   * Learns which of the providers the spec and AWS name are Managed Instances providers, when the
   * spec declares providers or a strategy (the only time they matter), and stalls a spec listing
   * one.
   */
  private void refuseManagedInstances(
      EcsClusterSpec spec, List<String> desired, List<String> reported) {
    if (desired == null
        && (spec.defaultCapacityProviderStrategy == null || !providerNames.resolved())) {
      return;
    }
    List<String> named = new ArrayList<>(reported);
    if (desired != null) {
      named.addAll(desired);
    }
    managedInstances = ManagedInstancesProviders.among(aws.forRegion(spec.region), named);
    if (desired != null) {
      managedInstances.refuseListed(desired, clusterName);
    }
  }

  private String region(EcsClusterSpec spec) {
    return aws.forRegion(spec.region).region();
  }

  @Override
  public CreateResult<EcsClusterState> create(ResourceRef ref, EcsClusterSpec spec) {
    AwsClients clients = aws.forRegion(spec.region);
    Map<String, String> tags = new HashMap<>(spec.tagsOrEmpty());
    tags.putAll(ref.ownershipTags());
    CreateClusterRequest.Builder request =
        CreateClusterRequest.builder().clusterName(clusterName).tags(EcsTags.toAws(tags));
    if (spec.settings != null && !spec.settings.isEmpty()) {
      request.settings(settings(spec));
    }
    if (spec.configuration != null) {
      request.configuration(configuration(spec, null));
    }
    List<String> providers = EcsClusterDiff.capacityProviders(spec, providerNames);
    if (providers != null) {
      request.capacityProviders(providers);
    }
    if (spec.defaultCapacityProviderStrategy != null && providerNames.resolved()) {
      request.defaultCapacityProviderStrategy(
          toAwsStrategy(
              EcsClusterDiff.strategy(spec.defaultCapacityProviderStrategy, providerNames)));
    }
    String namespace = desiredNamespace(spec);
    if (namespace != null) {
      request.serviceConnectDefaults(d -> d.namespace(namespace));
    }
    Cluster created =
        clients
            .ecsCall(ApiCategory.ECS_CLUSTER_MODIFY, ecs -> ecs.createCluster(request.build()))
            .cluster();
    wrote(clients);
    learnNamespace(namespace, created);
    // CreateCluster answers a name that is already ACTIVE with that cluster, whoever made it.
    if (ref.ownershipOf(EcsTags.of(created.tags())) != Ownership.OURS) {
      return CreateResult.nameTaken();
    }
    Observation<EcsClusterState> existing = observe(ref, spec);
    if (!existing.exists()) {
      throw new IllegalStateException("cluster " + clusterName + " not found after CreateCluster");
    }
    return CreateResult.created(
        existing.changes().isEmpty() ? existing.actual() : update(ref, spec, existing));
  }

  @Override
  public void adopt(ResourceRef ref, EcsClusterState actual) {
    AwsClients clients = aws.forArn(actual.arn());
    EcsTags.writer(clients, actual.arn()).tag(ref.ownershipTags());
    wrote(clients);
  }

  /** Drops the answer at hand, which our own write made stale. */
  private void wrote(AwsClients clients) {
    reader.invalidate(clients.region(), clusterName);
  }

  @Override
  public EcsClusterState update(
      ResourceRef ref, EcsClusterSpec spec, Observation<EcsClusterState> observation) {
    AwsClients clients = aws.forRegion(spec.region);
    AwsCallGuard guard = clients.guard();
    EcsClient ecs = clients.ecs();
    ChangeSet changes = observation.changes();
    EcsClusterState actual = observation.actual();
    boolean settings = changes.has(EcsClusterDiff.SETTINGS);
    boolean configuration =
        changes.changes().stream()
            .anyMatch(c -> c.path().startsWith(EcsClusterDiff.CONFIGURATION + "."));
    boolean namespace = changes.has(EcsClusterDiff.NAMESPACE);
    if (settings || configuration || namespace) {
      UpdateClusterRequest.Builder request = UpdateClusterRequest.builder().cluster(clusterName);
      if (settings) {
        request.settings(settings(spec));
      }
      if (configuration) {
        request.configuration(configuration(spec, actual.configuration()));
      }
      String desiredNamespace = desiredNamespace(spec);
      if (namespace) {
        // UpdateCluster takes an empty namespace as "remove the cluster's default".
        request.serviceConnectDefaults(
            d -> d.namespace(desiredNamespace == null ? "" : desiredNamespace));
      }
      Cluster updated =
          guard
              .call(ApiCategory.ECS_CLUSTER_MODIFY, () -> ecs.updateCluster(request.build()))
              .cluster();
      if (namespace) {
        learnNamespace(desiredNamespace, updated);
      }
    }
    if (changes.has(EcsClusterDiff.CAPACITY_PROVIDERS)
        || changes.has(EcsClusterDiff.DEFAULT_STRATEGY)) {
      putCapacityProviders(clients, spec, actual);
    }
    if (changes.has(EcsClusterDiff.TAGS)) {
      EcsTags.writer(clients, actual.arn()).sync(spec.tagsOrEmpty(), actual.tags());
    }
    wrote(clients);
    return observe(ref, spec).actual();
  }

  @Override
  public DeleteOutcome delete(ResourceRef ref, EcsClusterSpec spec, EcsClusterState actual) {
    if (actual != null && actual.activeServicesCount() > 0) {
      return DeleteOutcome.waiting(
          "ClusterHasServices",
          "cluster "
              + clusterName
              + " still has "
              + actual.activeServicesCount()
              + " active services; it is deleted once they are gone");
    }
    AwsClients clients = aws.forRegion(spec.region);
    try {
      clients.ecsRun(
          ApiCategory.ECS_CLUSTER_MODIFY, ecs -> ecs.deleteCluster(r -> r.cluster(clusterName)));
      wrote(clients);
      return DeleteOutcome.DONE;
    } catch (ClusterNotFoundException gone) {
      return DeleteOutcome.DONE;
    } catch (ClusterContainsServicesException services) {
      // Draining services are not counted as active, yet still hold the cluster.
      return DeleteOutcome.waiting("ClusterHasServices", services.awsErrorDetails().errorMessage());
    } catch (ClusterContainsTasksException tasks) {
      return DeleteOutcome.waiting("ClusterHasTasks", tasks.awsErrorDetails().errorMessage());
    } catch (ClusterContainsContainerInstancesException instances) {
      return DeleteOutcome.blocked(
          "ClusterHasContainerInstances",
          instances.awsErrorDetails().errorMessage()
              + "; deregister them, or set deletionPolicy: Retain to keep the cluster");
    } catch (ClusterContainsCapacityProviderException providers) {
      return DeleteOutcome.blocked(
          "ClusterHasCapacityProviders",
          providers.awsErrorDetails().errorMessage()
              + "; delete them, or set deletionPolicy: Retain to keep the cluster");
    }
  }

  /**
   * Ready once the cluster is ACTIVE, its capacity providers are attached and every provider object
   * it refers to could be used; a cluster whose capacity provider resources failed to create is
   * stalled.
   */
  @Override
  public Readiness readiness(EcsClusterSpec spec, EcsClusterState actual) {
    if (!providerNames.resolved()) {
      return Readiness.waiting("WaitingForDependency", providerNames.notReady());
    }
    if ("FAILED".equals(actual.status())) {
      throw new TerminalException(
          "ClusterFailed",
          "cluster "
              + clusterName
              + " is FAILED: the resources of its capacity providers could not be created");
    }
    if (!"ACTIVE".equals(actual.status())) {
      return Readiness.waiting(
          Readiness.statusReason("Cluster", actual.status()),
          "cluster " + clusterName + " is " + actual.status());
    }
    if ("UPDATE_IN_PROGRESS".equals(actual.attachmentsStatus())) {
      return Readiness.waiting(
          "CapacityProvidersUpdating", "the capacity providers of the cluster are being updated");
    }
    return Readiness.READY;
  }

  /**
   * PutClusterCapacityProviders takes both lists: the part the spec leaves out is sent as AWS has
   * it, without strategy items for providers the spec removes. The cluster's Managed Instances
   * providers are never sent: they stay associated (and in the strategy) without it.
   */
  private void putCapacityProviders(
      AwsClients clients, EcsClusterSpec spec, EcsClusterState actual) {
    List<String> desired = EcsClusterDiff.capacityProviders(spec, providerNames);
    List<String> providers =
        desired != null
            ? desired
            : managedInstances.withoutOwnedBy(actual.capacityProviders(), clusterName);
    List<StrategyItem> strategy =
        spec.defaultCapacityProviderStrategy != null
            ? EcsClusterDiff.strategy(spec.defaultCapacityProviderStrategy, providerNames)
            : actual.defaultCapacityProviderStrategy().stream()
                .filter(
                    i ->
                        providers.contains(i.capacityProvider())
                            || managedInstances
                                .clusterByProvider()
                                .containsKey(i.capacityProvider()))
                .toList();
    clients.ecsRun(
        ApiCategory.ECS_CLUSTER_MODIFY,
        ecs ->
            ecs.putClusterCapacityProviders(
                r ->
                    r.cluster(clusterName)
                        .capacityProviders(providers)
                        .defaultCapacityProviderStrategy(toAwsStrategy(strategy))));
  }

  /** Remembers the ARN AWS answered a namespace name with, to compare it later. */
  private void learnNamespace(String desired, Cluster answer) {
    if (desired == null || NamespaceName.isArn(desired)) {
      namespaceName = null;
      return;
    }
    String reported =
        answer == null || answer.serviceConnectDefaults() == null
            ? null
            : answer.serviceConnectDefaults().namespace();
    namespaceName =
        reported == null || reported.isEmpty() ? null : new NamespaceName(desired, reported);
  }

  private static String desiredNamespace(EcsClusterSpec spec) {
    return spec.serviceConnectDefaults == null
        ? null
        : EcsClusterDiff.namespace(spec.serviceConnectDefaults.namespace);
  }

  private static List<ClusterSetting> settings(EcsClusterSpec spec) {
    return EcsClusterDiff.settings(spec.settings).entrySet().stream()
        .map(e -> ClusterSetting.builder().name(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  /**
   * The configuration to send: the blocks the spec declares, and AWS's own for the blocks it leaves
   * out, so that sending one block never drops the other.
   */
  static ClusterConfiguration configuration(EcsClusterSpec spec, ClusterConfiguration current) {
    var desired = spec.configuration;
    ClusterConfiguration.Builder result = ClusterConfiguration.builder();
    if (desired.executeCommandConfiguration != null) {
      var exec = desired.executeCommandConfiguration;
      ExecuteCommandConfiguration.Builder builder =
          ExecuteCommandConfiguration.builder().kmsKeyId(exec.kmsKeyId);
      if (exec.logging != null) {
        builder.logging(exec.logging.name());
      }
      if (exec.logConfiguration != null) {
        var log = exec.logConfiguration;
        builder.logConfiguration(
            ExecuteCommandLogConfiguration.builder()
                .cloudWatchLogGroupName(log.cloudWatchLogGroupName)
                .cloudWatchEncryptionEnabled(log.cloudWatchEncryptionEnabled)
                .s3BucketName(log.s3BucketName)
                .s3EncryptionEnabled(log.s3EncryptionEnabled)
                .s3KeyPrefix(log.s3KeyPrefix)
                .build());
      }
      result.executeCommandConfiguration(builder.build());
    } else if (current != null && current.executeCommandConfiguration() != null) {
      result.executeCommandConfiguration(current.executeCommandConfiguration());
    }
    if (desired.managedStorageConfiguration != null) {
      var storage = desired.managedStorageConfiguration;
      result.managedStorageConfiguration(
          ManagedStorageConfiguration.builder()
              .kmsKeyId(storage.kmsKeyId)
              .fargateEphemeralStorageKmsKeyId(storage.fargateEphemeralStorageKmsKeyId)
              .build());
    } else if (current != null && current.managedStorageConfiguration() != null) {
      result.managedStorageConfiguration(current.managedStorageConfiguration());
    }
    return result.build();
  }

  private static List<CapacityProviderStrategyItem> toAwsStrategy(List<StrategyItem> strategy) {
    return strategy.stream()
        .map(
            i ->
                CapacityProviderStrategyItem.builder()
                    .capacityProvider(i.capacityProvider())
                    .weight(i.weight())
                    .base(i.base())
                    .build())
        .toList();
  }
}

package io.ecsoperator.operator.cli.cluster;

import io.ecsoperator.crds.cluster.CapacityProviderStrategyItem;
import io.ecsoperator.crds.cluster.ClusterConfiguration;
import io.ecsoperator.crds.cluster.ClusterSetting;
import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.crds.cluster.ExecuteCommandConfiguration;
import io.ecsoperator.crds.cluster.ExecuteCommandLogConfiguration;
import io.ecsoperator.crds.cluster.ManagedStorageConfiguration;
import io.ecsoperator.crds.cluster.ServiceConnectDefaults;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.operator.cli.capacityprovider.EcsCapacityProviderCliKind;
import io.ecsoperator.operator.cli.capacityprovider.ProviderReferenceFields;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.cluster.EcsClusterAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.capacityprovider.EcsCapacityProviderReader;
import io.ecsoperator.reconcilers.capacityprovider.EcsCapacityProviderState;
import io.ecsoperator.reconcilers.cluster.EcsClusterReader;
import io.ecsoperator.reconcilers.cluster.EcsClusterState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.tags.UserTags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** EcsCluster in the CLI. */
public final class EcsClusterCliKind
    implements CliKind<EcsCluster, EcsClusterSpec, EcsClusterState>, Importers.Importer {

  @Override
  public Class<EcsCluster> resourceType() {
    return EcsCluster.class;
  }

  @Override
  public String describe(EcsCluster resource) {
    return "cluster " + resource.clusterName();
  }

  /** The provider objects of its capacityProviderRefs and default strategy. */
  @Override
  public List<Reference> references(EcsCluster resource) {
    EcsClusterSpec spec = resource.getSpec();
    return Stream.concat(
            ProviderReferenceFields.of("capacityProviderRefs", spec.capacityProviderRefs),
            ProviderReferenceFields.ofStrategy(
                "defaultCapacityProviderStrategy", spec.defaultCapacityProviderStrategy))
        .toList();
  }

  @Override
  public ResourceAdapter<EcsClusterSpec, EcsClusterState> adapter(
      AwsClientFactory aws, EcsCluster resource, ResolvedReferences references) {
    return EcsClusterAdapters.forObject(
        aws, resource, ProviderReferenceFields.names(references(resource), references));
  }

  @Override
  public String arn(EcsClusterState actual) {
    return actual.arn();
  }

  @Override
  public EcsCluster importResource(ImportContext context, String awsName) {
    EcsClusterState actual = EcsClusterReader.read(context.clients(), awsName);
    if (actual == null) {
      return null;
    }
    EcsCluster cluster = new EcsCluster();
    cluster.setMetadata(context.newMetadata(kind(), actual.clusterName(), actual.tags()));
    cluster.setSpec(spec(actual, cluster.getMetadata().getName(), context.specRegion()));
    referToProviders(context, actual.clusterName(), cluster.getSpec());
    return cluster;
  }

  /**
   * The cluster's own capacity providers (Auto Scaling group and Managed Instances ones) are
   * imported with it, and its lists refer to them; FARGATE and FARGATE_SPOT stay named. A Managed
   * Instances provider is not in capacityProviderRefs (it belongs to the cluster from creation) and
   * names its cluster by name: the cluster's strategy may refer to it, and references go one way.
   */
  private static void referToProviders(
      ImportContext context, String clusterName, EcsClusterSpec spec) {
    Map<String, String> objectByProvider = new HashMap<>();
    Set<String> managedInstances = new HashSet<>();
    for (EcsCapacityProviderState provider :
        EcsCapacityProviderReader.ofCluster(context.clients(), clusterName)) {
      objectByProvider.put(
          provider.name(),
          context.reference(
              "EcsCapacityProvider",
              provider.name(),
              () -> EcsCapacityProviderCliKind.toResource(context, provider)));
      if (provider.managedInstancesProvider() != null) {
        managedInstances.add(provider.name());
      }
    }
    if (spec.capacityProviders != null) {
      List<String> named =
          spec.capacityProviders.stream().filter(p -> !objectByProvider.containsKey(p)).toList();
      List<LocalObjectReference> refs =
          spec.capacityProviders.stream()
              .filter(p -> objectByProvider.containsKey(p) && !managedInstances.contains(p))
              .map(p -> new LocalObjectReference(objectByProvider.get(p)))
              .toList();
      spec.capacityProviders = named.isEmpty() ? null : named;
      spec.capacityProviderRefs = refs.isEmpty() ? null : refs;
    }
    if (spec.defaultCapacityProviderStrategy != null) {
      spec.defaultCapacityProviderStrategy.stream()
          .filter(item -> objectByProvider.containsKey(item.capacityProvider))
          .forEach(
              item -> {
                item.capacityProviderRef =
                    new LocalObjectReference(objectByProvider.get(item.capacityProvider));
                item.capacityProvider = null;
              });
    }
  }

  /**
   * The spec that declares what AWS has, leaving out AWS's defaults (Container Insights disabled,
   * DEFAULT exec logging, off flags, zero weights and bases, no providers) and aws: tags. The
   * Service Connect namespace is written as the ARN AWS reports.
   */
  static EcsClusterSpec spec(EcsClusterState actual, String objectName, String region) {
    EcsClusterSpec spec = new EcsClusterSpec();
    spec.adopt = true;
    spec.region = region;
    if (!actual.clusterName().equals(objectName)) {
      spec.clusterName = actual.clusterName();
    }
    List<ClusterSetting> settings = new ArrayList<>();
    actual
        .settings()
        .forEach(
            (name, value) -> {
              if (!value.equals(ClusterSetting.Value.disabled.name())) {
                ClusterSetting setting = new ClusterSetting();
                setting.name = ClusterSetting.Name.valueOf(name);
                setting.value = ClusterSetting.Value.valueOf(value);
                settings.add(setting);
              }
            });
    spec.settings = settings.isEmpty() ? null : settings;
    spec.configuration = configuration(actual.configuration());
    if (!actual.capacityProviders().isEmpty()) {
      spec.capacityProviders = actual.capacityProviders();
    }
    if (!actual.defaultCapacityProviderStrategy().isEmpty()) {
      spec.defaultCapacityProviderStrategy =
          actual.defaultCapacityProviderStrategy().stream()
              .map(
                  i ->
                      new CapacityProviderStrategyItem(
                          i.capacityProvider(), nonZero(i.weight()), nonZero(i.base())))
              .toList();
    }
    if (actual.serviceConnectNamespace() != null) {
      spec.serviceConnectDefaults = new ServiceConnectDefaults();
      spec.serviceConnectDefaults.namespace = actual.serviceConnectNamespace();
    }
    Map<String, String> tags = UserTags.of(actual.tags());
    spec.tags = tags.isEmpty() ? null : tags;
    return spec;
  }

  private static ClusterConfiguration configuration(
      software.amazon.awssdk.services.ecs.model.ClusterConfiguration actual) {
    if (actual == null) {
      return null;
    }
    ClusterConfiguration configuration = new ClusterConfiguration();
    configuration.executeCommandConfiguration = execute(actual.executeCommandConfiguration());
    var storage = actual.managedStorageConfiguration();
    if (storage != null
        && (storage.kmsKeyId() != null || storage.fargateEphemeralStorageKmsKeyId() != null)) {
      configuration.managedStorageConfiguration = new ManagedStorageConfiguration();
      configuration.managedStorageConfiguration.kmsKeyId = storage.kmsKeyId();
      configuration.managedStorageConfiguration.fargateEphemeralStorageKmsKeyId =
          storage.fargateEphemeralStorageKmsKeyId();
    }
    return configuration.executeCommandConfiguration == null
            && configuration.managedStorageConfiguration == null
        ? null
        : configuration;
  }

  private static ExecuteCommandConfiguration execute(
      software.amazon.awssdk.services.ecs.model.ExecuteCommandConfiguration actual) {
    if (actual == null) {
      return null;
    }
    ExecuteCommandConfiguration exec = new ExecuteCommandConfiguration();
    exec.kmsKeyId = actual.kmsKeyId();
    String logging = actual.loggingAsString();
    if (logging != null && !logging.equals(ExecuteCommandConfiguration.Logging.DEFAULT.name())) {
      exec.logging = ExecuteCommandConfiguration.Logging.valueOf(logging);
    }
    var log = actual.logConfiguration();
    if (log != null) {
      ExecuteCommandLogConfiguration logConfiguration = new ExecuteCommandLogConfiguration();
      logConfiguration.cloudWatchLogGroupName = log.cloudWatchLogGroupName();
      logConfiguration.cloudWatchEncryptionEnabled = trueOrNull(log.cloudWatchEncryptionEnabled());
      logConfiguration.s3BucketName = log.s3BucketName();
      logConfiguration.s3EncryptionEnabled = trueOrNull(log.s3EncryptionEnabled());
      logConfiguration.s3KeyPrefix = log.s3KeyPrefix();
      exec.logConfiguration = logConfiguration;
    }
    return exec.kmsKeyId == null && exec.logging == null && exec.logConfiguration == null
        ? null
        : exec;
  }

  private static Integer nonZero(int value) {
    return value == 0 ? null : value;
  }

  private static Boolean trueOrNull(Boolean flag) {
    return Boolean.TRUE.equals(flag) ? Boolean.TRUE : null;
  }
}

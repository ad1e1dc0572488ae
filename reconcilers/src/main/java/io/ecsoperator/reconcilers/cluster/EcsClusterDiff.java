package io.ecsoperator.reconcilers.cluster;

import io.ecsoperator.crds.cluster.CapacityProviderStrategyItem;
import io.ecsoperator.crds.cluster.ClusterConfiguration;
import io.ecsoperator.crds.cluster.ClusterSetting;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.crds.cluster.ExecuteCommandConfiguration;
import io.ecsoperator.crds.cluster.ExecuteCommandLogConfiguration;
import io.ecsoperator.crds.cluster.ManagedStorageConfiguration;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import io.ecsoperator.reconcilers.cluster.EcsClusterState.StrategyItem;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.tags.UserTags;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The difference between an ECS cluster spec and AWS. Pure: only fields the user declared are
 * compared, so AWS defaults are never drift; capacity providers and the default strategy are sets,
 * settings are compared by name.
 */
public final class EcsClusterDiff {

  static final String SETTINGS = "settings";
  static final String CONFIGURATION = "configuration";
  static final String CAPACITY_PROVIDERS = "capacityProviders";
  static final String DEFAULT_STRATEGY = "defaultCapacityProviderStrategy";
  static final String NAMESPACE = "serviceConnectDefaults.namespace";
  static final String TAGS = "tags";

  private static final String EXEC = CONFIGURATION + ".executeCommandConfiguration";
  private static final String EXEC_LOG = EXEC + ".logConfiguration";
  private static final String STORAGE = CONFIGURATION + ".managedStorageConfiguration";

  private EcsClusterDiff() {}

  /** A diff of a spec that refers to no EcsCapacityProvider object, without Managed Instances. */
  public static ChangeSet diff(EcsClusterSpec spec, EcsClusterState actual) {
    return diff(spec, ProviderNames.NONE, actual, ManagedInstancesProviders.NONE);
  }

  /**
   * @param names the AWS names of the referenced EcsCapacityProvider objects
   * @param managedInstances the Managed Instances providers among AWS's, left out of the compare
   */
  static ChangeSet diff(
      EcsClusterSpec spec,
      ProviderNames names,
      EcsClusterState actual,
      ManagedInstancesProviders managedInstances) {
    ChangeSet.Builder changes = ChangeSet.builder();
    if (spec.settings != null) {
      Map<String, String> desired = settings(spec.settings);
      Map<String, String> declared = new TreeMap<>();
      desired.keySet().forEach(name -> declared.put(name, actual.settings().get(name)));
      changes.compare(SETTINGS, desired, declared, ChangeStrategy.IN_PLACE);
    }
    if (spec.configuration != null) {
      diffConfiguration(spec.configuration, actual.configuration(), changes);
    }
    List<String> providers = capacityProviders(spec, names);
    if (providers != null) {
      changes.compare(
          CAPACITY_PROVIDERS,
          providers,
          managedInstances.withoutOwnedBy(actual.capacityProviders(), actual.clusterName()),
          ChangeStrategy.IN_PLACE);
    }
    if (spec.defaultCapacityProviderStrategy != null && names.resolved()) {
      changes.compare(
          DEFAULT_STRATEGY,
          strategy(spec.defaultCapacityProviderStrategy, names),
          actual.defaultCapacityProviderStrategy(),
          ChangeStrategy.IN_PLACE);
    }
    if (spec.serviceConnectDefaults != null) {
      diffNamespace(namespace(spec.serviceConnectDefaults.namespace), actual, changes);
    }
    if (spec.tags != null) {
      changes.compare(TAGS, spec.tags, UserTags.of(actual.tags()), ChangeStrategy.TAGS_ONLY);
    }
    return changes.build();
  }

  /** Settings by name; a name given twice keeps its last value. */
  static Map<String, String> settings(List<ClusterSetting> settings) {
    Map<String, String> byName = new TreeMap<>();
    settings.forEach(s -> byName.put(s.name.name(), s.value.name()));
    return byName;
  }

  /**
   * The capacity providers the spec names and refers to, as a set (sorted, without repeats); null
   * when it declares neither list, or refers to provider objects that cannot be used yet (the
   * providers are then left as they are, until they can).
   */
  static List<String> capacityProviders(EcsClusterSpec spec, ProviderNames names) {
    if (spec.capacityProviders == null && spec.capacityProviderRefs == null || !names.resolved()) {
      return null;
    }
    return Stream.concat(
            spec.capacityProviders == null ? Stream.empty() : spec.capacityProviders.stream(),
            spec.capacityProviderRefs == null
                ? Stream.empty()
                : names.of(spec.capacityProviderRefs).stream())
        .sorted()
        .distinct()
        .toList();
  }

  /** The strategy as a set of items, omitted weights and bases being AWS's 0. */
  static List<StrategyItem> strategy(
      List<CapacityProviderStrategyItem> items, ProviderNames names) {
    return items.stream()
        .map(i -> StrategyItem.of(names.of(i), i.weight, i.base))
        .sorted()
        .distinct()
        .toList();
  }

  /** The namespace the spec asks for; an empty string asks for none. */
  static String namespace(String namespace) {
    return namespace == null || namespace.isEmpty() ? null : namespace;
  }

  private static void diffNamespace(
      String desired, EcsClusterState actual, ChangeSet.Builder changes) {
    String reported = actual.serviceConnectNamespace();
    boolean same =
        desired == null
            ? reported == null
            : NamespaceName.isArn(desired)
                ? desired.equals(reported)
                : desired.equals(actual.serviceConnectNamespaceName());
    if (!same) {
      changes.compare(NAMESPACE, desired, reported, ChangeStrategy.IN_PLACE);
    }
  }

  private static void diffConfiguration(
      ClusterConfiguration desired,
      software.amazon.awssdk.services.ecs.model.ClusterConfiguration actual,
      ChangeSet.Builder changes) {
    if (desired.executeCommandConfiguration != null) {
      diffExecuteCommand(
          desired.executeCommandConfiguration,
          actual == null ? null : actual.executeCommandConfiguration(),
          changes);
    }
    if (desired.managedStorageConfiguration != null) {
      diffManagedStorage(
          desired.managedStorageConfiguration,
          actual == null ? null : actual.managedStorageConfiguration(),
          changes);
    }
  }

  private static void diffExecuteCommand(
      ExecuteCommandConfiguration desired,
      software.amazon.awssdk.services.ecs.model.ExecuteCommandConfiguration actual,
      ChangeSet.Builder changes) {
    compareKmsKey(
        EXEC + ".kmsKeyId", desired.kmsKeyId, actual == null ? null : actual.kmsKeyId(), changes);
    if (desired.logging != null) {
      // AWS's default when no logging is set.
      String logging =
          actual == null || actual.loggingAsString() == null ? "DEFAULT" : actual.loggingAsString();
      changes.compare(EXEC + ".logging", desired.logging.name(), logging, ChangeStrategy.IN_PLACE);
    }
    if (desired.logConfiguration != null) {
      diffLogConfiguration(
          desired.logConfiguration, actual == null ? null : actual.logConfiguration(), changes);
    }
  }

  private static void diffLogConfiguration(
      ExecuteCommandLogConfiguration desired,
      software.amazon.awssdk.services.ecs.model.ExecuteCommandLogConfiguration actual,
      ChangeSet.Builder changes) {
    boolean none = actual == null;
    changes.compareDeclared(
        EXEC_LOG + ".cloudWatchLogGroupName",
        desired.cloudWatchLogGroupName,
        none ? null : actual.cloudWatchLogGroupName(),
        ChangeStrategy.IN_PLACE);
    compareFlag(
        EXEC_LOG + ".cloudWatchEncryptionEnabled",
        desired.cloudWatchEncryptionEnabled,
        none ? null : actual.cloudWatchEncryptionEnabled(),
        changes);
    changes.compareDeclared(
        EXEC_LOG + ".s3BucketName",
        desired.s3BucketName,
        none ? null : actual.s3BucketName(),
        ChangeStrategy.IN_PLACE);
    compareFlag(
        EXEC_LOG + ".s3EncryptionEnabled",
        desired.s3EncryptionEnabled,
        none ? null : actual.s3EncryptionEnabled(),
        changes);
    changes.compareDeclared(
        EXEC_LOG + ".s3KeyPrefix",
        desired.s3KeyPrefix,
        none ? null : actual.s3KeyPrefix(),
        ChangeStrategy.IN_PLACE);
  }

  private static void diffManagedStorage(
      ManagedStorageConfiguration desired,
      software.amazon.awssdk.services.ecs.model.ManagedStorageConfiguration actual,
      ChangeSet.Builder changes) {
    compareKmsKey(
        STORAGE + ".kmsKeyId",
        desired.kmsKeyId,
        actual == null ? null : actual.kmsKeyId(),
        changes);
    compareKmsKey(
        STORAGE + ".fargateEphemeralStorageKmsKeyId",
        desired.fargateEphemeralStorageKmsKeyId,
        actual == null ? null : actual.fargateEphemeralStorageKmsKeyId(),
        changes);
  }

  private static void compareKmsKey(
      String path, String desired, String actual, ChangeSet.Builder changes) {
    if (desired != null && !KmsKeys.same(desired, actual)) {
      changes.compare(path, desired, actual, ChangeStrategy.IN_PLACE);
    }
  }

  /** A declared flag; AWS leaving it out means off. */
  private static void compareFlag(
      String path, Boolean desired, Boolean actual, ChangeSet.Builder changes) {
    if (desired != null) {
      changes.compare(path, desired, Boolean.TRUE.equals(actual), ChangeStrategy.IN_PLACE);
    }
  }
}

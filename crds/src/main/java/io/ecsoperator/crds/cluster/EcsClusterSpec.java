package io.ecsoperator.crds.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Desired state of an ECS cluster; field names follow the ECS API. */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value =
        "has(self.clusterName) == has(oldSelf.clusterName) && (!has(self.clusterName) ||"
            + " self.clusterName == oldSelf.clusterName)",
    message = "clusterName is immutable")
@ValidationRule(
    value =
        "!has(self.capacityProviders) || !has(self.defaultCapacityProviderStrategy) ||"
            + " self.defaultCapacityProviderStrategy.all(s, !has(s.capacityProvider) ||"
            + " s.capacityProvider in self.capacityProviders)",
    message = "every provider of defaultCapacityProviderStrategy must be in capacityProviders",
    fieldPath = ".defaultCapacityProviderStrategy")
public class EcsClusterSpec extends ManagedSpec {

  @JsonPropertyDescription(
      "Name of the cluster: up to 255 letters, digits, '_' and '-'. Defaults to metadata.name."
          + " Immutable.")
  @Pattern(CapacityProviderStrategyItem.NAME_PATTERN)
  public String clusterName;

  @JsonPropertyDescription(
      "Cluster settings by name (containerInsights). Settings left out keep AWS's value.")
  @Size(max = 10)
  @ValidationRule(
      value = "self.all(s, self.exists_one(o, o.name == s.name))",
      message = "each setting name may appear once")
  public List<ClusterSetting> settings;

  @JsonPropertyDescription(
      "Execute command and managed storage configuration. Fields left out are not compared.")
  public ClusterConfiguration configuration;

  @JsonPropertyDescription(
      "Short names of the capacity providers associated with the cluster (FARGATE, FARGATE_SPOT"
          + " or Auto Scaling group capacity providers), as a set with capacityProviderRefs. An"
          + " empty list removes them all; when both are omitted, AWS's list is left as it is."
          + " Managed Instances providers belong to their cluster from creation: they are never"
          + " listed here (a cluster listing one is Stalled) and are left as they are.")
  @Size(max = 20)
  @ValidationRule(
      value = "self.all(p, self.exists_one(o, o == p))",
      message = "each capacity provider may appear once")
  public List<@Pattern(CapacityProviderStrategyItem.NAME_PATTERN) @Size(max = 255) String>
      capacityProviders;

  @JsonPropertyDescription(
      "EcsCapacityProvider objects of this namespace (Auto Scaling group providers) associated"
          + " with the cluster, with capacityProviders. Until each provider object the cluster"
          + " refers to (here or in its strategy) is Ready, the cluster is kept without its"
          + " providers and default strategy, and waits.")
  @Size(max = 20)
  @ValidationRule(
      value = "self.all(r, self.exists_one(o, o.name == r.name))",
      message = "each capacity provider reference may appear once")
  public List<LocalObjectReference> capacityProviderRefs;

  @JsonPropertyDescription(
      "Strategy of services and tasks that name neither a launch type nor a strategy, compared as"
          + " a set. An empty list removes it; when omitted, AWS's strategy is left as it is.")
  @Size(max = 20)
  @ValidationRule(
      value = CapacityProviderStrategyItem.ONE_ITEM_PER_PROVIDER,
      message = "each capacity provider may appear once in the strategy")
  @ValidationRule(
      value = CapacityProviderStrategyItem.ONE_BASE,
      message = "only one capacity provider of the strategy may have a base")
  @ValidationRule(
      value = "size(self) <= 1 || self.exists(s, has(s.weight) && s.weight > 0)",
      message = "at least one capacity provider of the strategy must have a weight above 0")
  public List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy;

  @JsonPropertyDescription(
      "Default Service Connect namespace of new services in the cluster. When omitted, AWS's"
          + " value is left as it is.")
  public ServiceConnectDefaults serviceConnectDefaults;
}

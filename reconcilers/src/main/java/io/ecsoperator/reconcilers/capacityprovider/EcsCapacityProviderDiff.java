package io.ecsoperator.reconcilers.capacityprovider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.tags.UserTags;
import java.util.Set;

/**
 * The difference between a capacity provider spec and AWS. Pure: the declared fields and those with
 * an AWS default (filled on both sides, see {@link ProviderDefaults}) are compared; other fields
 * AWS reports are not drift.
 */
public final class EcsCapacityProviderDiff {

  static final String ASG = "autoScalingGroupProvider";
  static final String MANAGED = "managedInstancesProvider";
  static final String TAGS = "tags";

  /**
   * What the update shapes of UpdateCapacityProvider lack (API_AutoScalingGroupProviderUpdate,
   * API_InstanceLaunchTemplateUpdate).
   */
  static final Set<String> IMMUTABLE =
      Set.of(
          ASG + ".autoScalingGroupArn",
          MANAGED + ".instanceLaunchTemplate.capacityOptionType",
          MANAGED + ".instanceLaunchTemplate.fipsEnabled");

  private EcsCapacityProviderDiff() {}

  public static ChangeSet diff(EcsCapacityProviderSpec spec, EcsCapacityProviderState actual) {
    ChangeSet.Builder changes = ChangeSet.builder();
    if (spec.autoScalingGroupProvider != null) {
      DeclaredFields.diff(
          ASG,
          desiredAutoScalingGroup(spec),
          actual.autoScalingGroupProvider() == null
              ? null
              : ProviderDefaults.autoScalingGroup(actual.autoScalingGroupProvider()),
          IMMUTABLE,
          changes);
    }
    if (spec.managedInstancesProvider != null) {
      DeclaredFields.diff(
          MANAGED,
          desiredManagedInstances(spec),
          actual.managedInstancesProvider() == null
              ? null
              : ProviderDefaults.managedInstances(actual.managedInstancesProvider()),
          IMMUTABLE,
          changes);
    }
    if (spec.tags != null) {
      changes.compare(TAGS, spec.tags, UserTags.of(actual.tags()), ChangeStrategy.TAGS_ONLY);
    }
    return changes.build();
  }

  /** The spec's Auto Scaling group provider in AWS's JSON, AWS's defaults filled in. */
  static ObjectNode desiredAutoScalingGroup(EcsCapacityProviderSpec spec) {
    return ProviderDefaults.autoScalingGroup(Json.toTree(spec.autoScalingGroupProvider));
  }

  /** The spec's Managed Instances provider in AWS's JSON, AWS's defaults filled in. */
  static ObjectNode desiredManagedInstances(EcsCapacityProviderSpec spec) {
    return ProviderDefaults.managedInstances(Json.toTree(spec.managedInstancesProvider));
  }
}

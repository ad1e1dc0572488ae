package io.ecsoperator.operator.kinds;

import io.ecsoperator.operator.capacityprovider.EcsCapacityProviderController;
import io.ecsoperator.operator.cli.capacityprovider.EcsCapacityProviderCliKind;
import io.ecsoperator.operator.cli.cluster.EcsClusterCliKind;
import io.ecsoperator.operator.cli.creationtemplate.EcrRepositoryCreationTemplateCliKind;
import io.ecsoperator.operator.cli.ecr.EcrRepositoryCliKind;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.CliKinds;
import io.ecsoperator.operator.cli.pullthroughcache.EcrPullThroughCacheRuleCliKind;
import io.ecsoperator.operator.cli.registry.EcrRegistryScanningConfigurationCliKind;
import io.ecsoperator.operator.cli.registry.EcrReplicationConfigurationCliKind;
import io.ecsoperator.operator.cli.scheduledtask.EcsScheduledTaskCliKind;
import io.ecsoperator.operator.cli.service.EcsServiceCliKind;
import io.ecsoperator.operator.cli.task.EcsTaskCliKind;
import io.ecsoperator.operator.cli.taskdefinition.EcsTaskDefinitionCliKind;
import io.ecsoperator.operator.cluster.EcsClusterController;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.ManagedResourceController;
import io.ecsoperator.operator.creationtemplate.EcrRepositoryCreationTemplateController;
import io.ecsoperator.operator.ecr.EcrRepositoryController;
import io.ecsoperator.operator.pullthroughcache.EcrPullThroughCacheRuleController;
import io.ecsoperator.operator.registryscanning.EcrRegistryScanningConfigurationController;
import io.ecsoperator.operator.replication.EcrReplicationConfigurationController;
import io.ecsoperator.operator.scheduledtask.EcsScheduledTaskController;
import io.ecsoperator.operator.service.EcsServiceController;
import io.ecsoperator.operator.task.EcsTaskController;
import io.ecsoperator.operator.taskdefinition.EcsTaskDefinitionController;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one list of kinds: {@code run} registers their controllers, {@code plan}, {@code apply} and
 * {@code import} use their CLI side. A new kind is one line here, after the kinds it refers to; the
 * rest lives in its own folders ({@code <kind>} is the kind's package name, e.g. {@code
 * scheduledtask}):
 *
 * <ul>
 *   <li>{@code crds/.../crds/<kind>/}: the custom resource, its spec and status; {@code -P
 *       update-crds} regenerates its CRD into the chart and the API reference. The chart grants the
 *       operator every kind of its CRDs (a cluster-scoped one in a ClusterRole), so RBAC needs no
 *       edit.
 *   <li>{@code reconcilers/.../reconcilers/<kind>/}: the adapter, and in {@code
 *       reconcilers/src/main/resources/io/ecsoperator/reconcilers/<kind>/iam-policy.json} the IAM
 *       statements it needs; the chart's iam-policy.json is assembled from those ({@code
 *       IamPolicyTest} with {@code -Diam-policy.update=true}). Tests beside it: a {@code
 *       <Kind>ContractFixture}, which AdapterContractIT finds.
 *   <li>{@code operator/.../operator/<kind>/}: its adapter factory ({@code <Kind>Adapters}) and
 *       controller; tests beside it: a {@code <Kind>ValidationCases} with a case per CEL rule,
 *       which ManifestLoaderTest and CliValidationIT find.
 *   <li>{@code operator/.../operator/cli/<kind>/}: its {@link CliKind}.
 * </ul>
 *
 * <p>A registry-wide setting (one per account and region, no name, no tags) has a spec implementing
 * {@code RegistryWide}, a controller extending {@code RegistrySettingController} and a CLI side
 * extending {@code RegistrySettingCliKind}: the one-owner rule and the refusal of two objects for
 * one registry then come with them.
 */
public final class KindRegistry {

  /**
   * One kind: how to build its controller and its CLI side (both build the kind's adapter through
   * the kind's one adapter factory).
   */
  record Kind(
      Function<ControllerWiring, ManagedResourceController<?, ?, ?, ?>> controller,
      Supplier<CliKind<?, ?, ?>> cli) {}

  /**
   * In dependency order: repositories hold the images task definitions name, creation templates
   * shape the repositories pull through cache rules create, Managed Instances capacity providers
   * belong to clusters, services and tasks run in clusters and run task definitions. The CLI
   * applies objects in this order of kinds; references point from later kinds to earlier ones.
   */
  private static final List<Kind> KINDS =
      List.of(
          new Kind(EcrRepositoryController::new, EcrRepositoryCliKind::new),
          new Kind(
              EcrRepositoryCreationTemplateController::new,
              EcrRepositoryCreationTemplateCliKind::new),
          new Kind(EcrPullThroughCacheRuleController::new, EcrPullThroughCacheRuleCliKind::new),
          new Kind(
              EcrReplicationConfigurationController::new, EcrReplicationConfigurationCliKind::new),
          new Kind(
              EcrRegistryScanningConfigurationController::new,
              EcrRegistryScanningConfigurationCliKind::new),
          new Kind(EcsClusterController::new, EcsClusterCliKind::new),
          new Kind(EcsCapacityProviderController::new, EcsCapacityProviderCliKind::new),
          new Kind(EcsTaskDefinitionController::new, EcsTaskDefinitionCliKind::new),
          new Kind(EcsServiceController::new, EcsServiceCliKind::new),
          new Kind(EcsTaskController::new, EcsTaskCliKind::new),
          new Kind(EcsScheduledTaskController::new, EcsScheduledTaskCliKind::new));

  private KindRegistry() {}

  /** A controller of every kind, for {@code run}. */
  public static List<ManagedResourceController<?, ?, ?, ?>> controllers(ControllerWiring wiring) {
    return KINDS.stream()
        .<ManagedResourceController<?, ?, ?, ?>>map(k -> k.controller().apply(wiring))
        .toList();
  }

  /**
   * The CLI side of every kind, in dependency order, for {@code plan}, {@code apply}, {@code
   * import}.
   */
  public static CliKinds cliKinds() {
    return new CliKinds(KINDS.stream().<CliKind<?, ?, ?>>map(k -> k.cli().get()).toList());
  }
}

package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.RegistrySettingStatus;
import io.ecsoperator.reconcilers.registry.RegistrySetting;
import io.ecsoperator.reconcilers.registry.RegistrySettingAdapter;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * A controller of a registry-wide setting. AWS has nowhere to record who owns the setting, so the
 * object's status does: {@code registryId} is set once the setting matched this object's spec (it
 * wrote it, adopted it, or found it so), and from then on any difference is drift to correct rather
 * than a setting to adopt. Which object of the kind acts at all is {@link RegistrySettingOwners}'s
 * rule, applied for every kind by {@link ManagedResourceController}.
 *
 * @param <R> the custom resource
 * @param <S> its spec
 * @param <C> the kind's normalized form of the setting
 */
public abstract class RegistrySettingController<
        R extends CustomResource<S, RegistrySettingStatus>, S extends ManagedSpec, C>
    extends ManagedResourceController<R, S, RegistrySettingStatus, RegistrySetting<C>> {

  protected RegistrySettingController(ControllerWiring wiring) {
    super(wiring, RegistrySettingStatus::new);
  }

  @Override
  protected abstract RegistrySettingAdapter<S, C> adapter(R resource);

  /** Whether the object owns its setting already: its status says so. */
  public static boolean owns(CustomResource<?, RegistrySettingStatus> resource) {
    return resource.getStatus() != null && resource.getStatus().registryId != null;
  }

  /** Nothing to copy without the object: the four-argument form below decides. */
  @Override
  protected void copyObserved(RegistrySetting<C> actual, RegistrySettingStatus status) {}

  @Override
  protected void copyObserved(
      R resource,
      RegistrySetting<C> actual,
      RegistrySettingStatus status,
      RegistrySettingStatus previous) {
    if (owns(resource) || adapter(resource).matches(resource.getSpec(), actual)) {
      status.registryId = actual.registryId();
    }
  }
}

package io.ecsoperator.reconcilers.capacityprovider;

import io.ecsoperator.crds.cluster.CapacityProviderStrategyItem;
import io.ecsoperator.crds.service.LocalObjectReference;
import java.util.List;
import java.util.Map;

/**
 * The AWS names of the EcsCapacityProvider objects a spec refers to, as the operator (watched
 * objects) or the CLI (the files) resolved them before the adapter runs.
 *
 * @param byObjectName the provider's AWS name by the metadata.name of its object
 * @param notReady why a referenced provider object cannot be used yet (missing, not Ready); null
 *     when all are resolved
 */
public record ProviderNames(Map<String, String> byObjectName, String notReady) {

  /** For specs that refer to no provider object. */
  public static final ProviderNames NONE = new ProviderNames(Map.of());

  public ProviderNames {
    byObjectName = Map.copyOf(byObjectName);
  }

  public ProviderNames(Map<String, String> byObjectName) {
    this(byObjectName, null);
  }

  /** Names of a spec some of whose provider objects cannot be used yet, saying why. */
  public static ProviderNames notReady(String why) {
    return new ProviderNames(Map.of(), why);
  }

  public boolean resolved() {
    return notReady == null;
  }

  /** The AWS name of a strategy item's provider: its capacityProvider or its resolved reference. */
  public String of(CapacityProviderStrategyItem item) {
    return item.capacityProvider != null ? item.capacityProvider : of(item.capacityProviderRef);
  }

  public List<String> of(List<LocalObjectReference> refs) {
    return refs.stream().map(this::of).toList();
  }

  private String of(LocalObjectReference ref) {
    String name = byObjectName.get(ref.name);
    if (name == null) {
      throw new IllegalStateException("EcsCapacityProvider " + ref.name + " was not resolved");
    }
    return name;
  }
}

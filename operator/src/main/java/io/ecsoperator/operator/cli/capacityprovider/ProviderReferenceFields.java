package io.ecsoperator.operator.cli.capacityprovider;

import io.ecsoperator.crds.capacityprovider.EcsCapacityProvider;
import io.ecsoperator.crds.cluster.CapacityProviderStrategyItem;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The spec fields of one object that refer to EcsCapacityProvider objects of the files (list items,
 * e.g. {@code capacityProviderRefs.0} or {@code capacityProviderStrategy.1.capacityProviderRef}),
 * and the AWS names they resolve to.
 */
public final class ProviderReferenceFields {

  private static final String KIND = "EcsCapacityProvider";

  private ProviderReferenceFields() {}

  /** The references of a list of {@code {name: ...}} items. */
  public static Stream<Reference> of(String field, List<LocalObjectReference> refs) {
    return refs == null
        ? Stream.empty()
        : IntStream.range(0, refs.size()).mapToObj(i -> new Reference(field + "." + i, KIND));
  }

  /** The references of the strategy items that name their provider by reference. */
  public static Stream<Reference> ofStrategy(
      String field, List<CapacityProviderStrategyItem> strategy) {
    return strategy == null
        ? Stream.empty()
        : IntStream.range(0, strategy.size())
            .filter(i -> strategy.get(i).capacityProviderRef != null)
            .mapToObj(i -> new Reference(field + "." + i + ".capacityProviderRef", KIND));
  }

  /** The AWS names of the provider objects these references found among the files. */
  public static ProviderNames names(List<Reference> references, ResolvedReferences resolved) {
    Map<String, String> byObjectName = new HashMap<>();
    for (Reference reference : references) {
      ResolvedReferences.Target target = resolved.get(reference.field());
      if (target != null && target.resource() instanceof EcsCapacityProvider provider) {
        byObjectName.put(provider.getMetadata().getName(), provider.providerName());
      }
    }
    return new ProviderNames(byObjectName);
  }
}

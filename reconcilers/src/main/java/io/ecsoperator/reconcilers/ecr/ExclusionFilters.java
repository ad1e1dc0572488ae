package io.ecsoperator.reconcilers.ecr;

import io.ecsoperator.crds.ecr.ImageTagMutabilityExclusionFilter;
import java.util.List;
import java.util.stream.Stream;

/**
 * A repository's tag mutability exclusion filters: as the diff compares them (sorted "TYPE:filter"
 * strings, a set) and as the requests send them.
 */
public final class ExclusionFilters {

  private ExclusionFilters() {}

  /** The spec's filters, in the diff's shape; none when unset. */
  public static List<String> declared(List<ImageTagMutabilityExclusionFilter> filters) {
    return canonical(orEmpty(filters).stream().map(f -> type(f) + ":" + f.filter));
  }

  /** The filters ECR describes, in the diff's shape. */
  public static List<String> described(
      List<software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilter> filters) {
    return canonical(filters.stream().map(f -> f.filterTypeAsString() + ":" + f.filter()));
  }

  /** The spec's filters for CreateRepository and PutImageTagMutability. */
  public static List<software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilter>
      toAws(List<ImageTagMutabilityExclusionFilter> filters) {
    return orEmpty(filters).stream()
        .map(
            f ->
                software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilter
                    .builder()
                    .filterType(type(f))
                    .filter(f.filter)
                    .build())
        .toList();
  }

  /** The spec's type, WILDCARD (ECR's only one) when left out. */
  private static String type(ImageTagMutabilityExclusionFilter filter) {
    return filter.filterType == null
        ? ImageTagMutabilityExclusionFilter.FilterType.WILDCARD.name()
        : filter.filterType.name();
  }

  private static List<String> canonical(Stream<String> filters) {
    return filters.sorted().distinct().toList();
  }

  private static List<ImageTagMutabilityExclusionFilter> orEmpty(
      List<ImageTagMutabilityExclusionFilter> filters) {
    return filters == null ? List.of() : filters;
  }
}

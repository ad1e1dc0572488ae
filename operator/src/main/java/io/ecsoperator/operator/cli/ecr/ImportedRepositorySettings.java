package io.ecsoperator.operator.cli.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.ecr.EncryptionConfiguration;
import io.ecsoperator.crds.ecr.ImageTagMutability;
import io.ecsoperator.crds.ecr.ImageTagMutabilityExclusionFilter;
import io.ecsoperator.crds.ecr.LifecyclePolicy;
import io.ecsoperator.reconcilers.json.Json;
import java.util.List;

/**
 * Repository settings that an imported EcrRepository and EcrRepositoryCreationTemplate declare the
 * same way, from the readers' models: AWS's defaults (MUTABLE tags, AES256 encryption) left out.
 */
public final class ImportedRepositorySettings {

  private ImportedRepositorySettings() {}

  /** The mode to declare; null for AWS's default MUTABLE. */
  public static ImageTagMutability tagMutability(String described) {
    if (described == null) {
      return null;
    }
    ImageTagMutability mutability = ImageTagMutability.valueOf(described);
    return mutability == ImageTagMutability.MUTABLE ? null : mutability;
  }

  /** The reader's "WILDCARD:latest" filters back into the spec's; null when there are none. */
  public static List<ImageTagMutabilityExclusionFilter> exclusionFilters(List<String> described) {
    return described.isEmpty()
        ? null
        : described.stream().map(ImportedRepositorySettings::exclusionFilter).toList();
  }

  /** The encryption to declare; null for AES256, AWS's default. */
  public static EncryptionConfiguration encryption(String type, String kmsKey) {
    if (type == null || "AES256".equals(type)) {
      return null;
    }
    EncryptionConfiguration encryption = new EncryptionConfiguration();
    encryption.encryptionType = EncryptionConfiguration.EncryptionType.valueOf(type);
    encryption.kmsKey = kmsKey;
    return encryption;
  }

  /** The canonical policy as structured rules; null when there is none. */
  public static LifecyclePolicy lifecyclePolicy(JsonNode canonical) {
    return canonical == null ? null : Json.MAPPER.convertValue(canonical, LifecyclePolicy.class);
  }

  /** WILDCARD, the default filter type, is left out. */
  private static ImageTagMutabilityExclusionFilter exclusionFilter(String typeAndFilter) {
    ImageTagMutabilityExclusionFilter filter = new ImageTagMutabilityExclusionFilter();
    List<String> parts = List.of(typeAndFilter.split(":", 2));
    if (!parts.get(0).equals(ImageTagMutabilityExclusionFilter.FilterType.WILDCARD.name())) {
      filter.filterType = ImageTagMutabilityExclusionFilter.FilterType.valueOf(parts.get(0));
    }
    filter.filter = parts.get(1);
    return filter;
  }
}

package io.ecsoperator.operator.cli.ecr;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.crds.ecr.EncryptionConfiguration;
import io.ecsoperator.crds.ecr.ImageScanningConfiguration;
import io.ecsoperator.crds.ecr.ImageTagMutability;
import io.ecsoperator.crds.ecr.ImageTagMutabilityExclusionFilter;
import io.ecsoperator.crds.ecr.LifecyclePolicy;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.ecr.EcrRepositoryAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryReader;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.tags.UserTags;
import java.util.List;
import java.util.Map;

/** EcrRepository in the CLI. */
public final class EcrRepositoryCliKind
    implements CliKind<EcrRepository, EcrRepositorySpec, EcrRepositoryState>, Importers.Importer {

  @Override
  public Class<EcrRepository> resourceType() {
    return EcrRepository.class;
  }

  @Override
  public String describe(EcrRepository resource) {
    return "repository " + resource.repositoryName();
  }

  @Override
  public ResourceAdapter<EcrRepositorySpec, EcrRepositoryState> adapter(
      AwsClientFactory aws, EcrRepository resource, ResolvedReferences references) {
    return EcrRepositoryAdapters.forObject(aws, resource);
  }

  @Override
  public String arn(EcrRepositoryState actual) {
    return actual.arn();
  }

  @Override
  public EcrRepository importResource(ImportContext context, String awsName) {
    EcrRepositoryState actual = EcrRepositoryReader.read(context.clients(), awsName, true, true);
    if (actual == null) {
      return null;
    }
    EcrRepository repository = new EcrRepository();
    repository.setMetadata(context.newMetadata(kind(), actual.repositoryName(), actual.tags()));
    repository.setSpec(spec(actual, repository.getMetadata().getName(), context.specRegion()));
    return repository;
  }

  /**
   * The spec that declares what AWS has, leaving out AWS's defaults (MUTABLE tags, no scan on push,
   * AES256 encryption) and what AWS adds by itself (aws: tags).
   */
  static EcrRepositorySpec spec(EcrRepositoryState actual, String objectName, String region) {
    EcrRepositorySpec spec = new EcrRepositorySpec();
    spec.adopt = true;
    spec.region = region;
    if (!actual.repositoryName().equals(objectName)) {
      spec.repositoryName = actual.repositoryName();
    }
    ImageTagMutability mutability = ImageTagMutability.valueOf(actual.imageTagMutability());
    if (mutability != ImageTagMutability.MUTABLE) {
      spec.imageTagMutability = mutability;
      if (!actual.imageTagMutabilityExclusionFilters().isEmpty()) {
        spec.imageTagMutabilityExclusionFilters =
            actual.imageTagMutabilityExclusionFilters().stream()
                .map(EcrRepositoryCliKind::exclusionFilter)
                .toList();
      }
    }
    if (Boolean.TRUE.equals(actual.scanOnPush())) {
      spec.imageScanningConfiguration = new ImageScanningConfiguration();
      spec.imageScanningConfiguration.scanOnPush = true;
    }
    if (actual.encryptionType() != null && !"AES256".equals(actual.encryptionType())) {
      spec.encryptionConfiguration = new EncryptionConfiguration();
      spec.encryptionConfiguration.encryptionType =
          EncryptionConfiguration.EncryptionType.valueOf(actual.encryptionType());
      spec.encryptionConfiguration.kmsKey = actual.kmsKey();
    }
    if (actual.lifecyclePolicy() != null) {
      spec.lifecyclePolicy =
          Json.MAPPER.convertValue(actual.lifecyclePolicy(), LifecyclePolicy.class);
    }
    spec.repositoryPolicy = actual.repositoryPolicy();
    Map<String, String> tags = UserTags.of(actual.tags());
    spec.tags = tags.isEmpty() ? null : tags;
    return spec;
  }

  /** The reader's "WILDCARD:latest" back into a filter; WILDCARD, the default, is left out. */
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

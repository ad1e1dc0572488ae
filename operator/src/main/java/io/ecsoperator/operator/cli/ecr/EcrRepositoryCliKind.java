package io.ecsoperator.operator.cli.ecr;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.crds.ecr.ImageScanningConfiguration;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.ecr.EcrRepositoryAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryReader;
import io.ecsoperator.reconcilers.ecr.EcrRepositoryState;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.tags.UserTags;
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
    spec.imageTagMutability = ImportedRepositorySettings.tagMutability(actual.imageTagMutability());
    if (spec.imageTagMutability != null) {
      spec.imageTagMutabilityExclusionFilters =
          ImportedRepositorySettings.exclusionFilters(actual.imageTagMutabilityExclusionFilters());
    }
    if (Boolean.TRUE.equals(actual.scanOnPush())) {
      spec.imageScanningConfiguration = new ImageScanningConfiguration();
      spec.imageScanningConfiguration.scanOnPush = true;
    }
    spec.encryptionConfiguration =
        ImportedRepositorySettings.encryption(actual.encryptionType(), actual.kmsKey());
    spec.lifecyclePolicy = ImportedRepositorySettings.lifecyclePolicy(actual.lifecyclePolicy());
    spec.repositoryPolicy = actual.repositoryPolicy();
    Map<String, String> tags = UserTags.of(actual.tags());
    spec.tags = tags.isEmpty() ? null : tags;
    return spec;
  }
}

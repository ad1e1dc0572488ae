package io.ecsoperator.operator.cli.creationtemplate;

import io.ecsoperator.crds.creationtemplate.AppliedFor;
import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplate;
import io.ecsoperator.crds.creationtemplate.EcrRepositoryCreationTemplateSpec;
import io.ecsoperator.operator.cli.ecr.ImportedRepositorySettings;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.creationtemplate.EcrRepositoryCreationTemplateAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.creationtemplate.EcrRepositoryCreationTemplateReader;
import io.ecsoperator.reconcilers.creationtemplate.EcrRepositoryCreationTemplateState;
import io.ecsoperator.reconcilers.engine.CreationClaim;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import java.util.List;
import java.util.Map;

/** EcrRepositoryCreationTemplate in the CLI; {@code import --registry} brings every template. */
public final class EcrRepositoryCreationTemplateCliKind
    implements CliKind<
            EcrRepositoryCreationTemplate,
            EcrRepositoryCreationTemplateSpec,
            EcrRepositoryCreationTemplateState>,
        Importers.RegistryImporter {

  @Override
  public Class<EcrRepositoryCreationTemplate> resourceType() {
    return EcrRepositoryCreationTemplate.class;
  }

  @Override
  public String describe(EcrRepositoryCreationTemplate resource) {
    return "repository creation template " + resource.getSpec().prefix;
  }

  @Override
  public ResourceAdapter<EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateState>
      adapter(
          AwsClientFactory aws,
          EcrRepositoryCreationTemplate resource,
          ResolvedReferences references) {
    return EcrRepositoryCreationTemplateAdapters.forObject(aws, resource);
  }

  /** ECR gives templates no ARN. */
  @Override
  public String arn(EcrRepositoryCreationTemplateState actual) {
    return null;
  }

  @Override
  public List<String> registryNames(ImportContext context) {
    return EcrRepositoryCreationTemplateReader.prefixes(context.clients());
  }

  @Override
  public EcrRepositoryCreationTemplate importResource(ImportContext context, String prefix) {
    EcrRepositoryCreationTemplateState actual =
        EcrRepositoryCreationTemplateReader.read(
            context.clients(), prefix, new CreationClaim(null));
    if (actual == null) {
      return null;
    }
    EcrRepositoryCreationTemplate template = new EcrRepositoryCreationTemplate();
    template.setMetadata(context.newMetadata(kind(), prefix, Map.of()));
    template.setSpec(spec(actual, context.specRegion()));
    return template;
  }

  /**
   * The spec that declares what AWS has, with {@code adopt: true} (the CLI keeps no status, so only
   * adoption makes the template the object's), leaving out AWS's defaults.
   */
  static EcrRepositoryCreationTemplateSpec spec(
      EcrRepositoryCreationTemplateState actual, String region) {
    EcrRepositoryCreationTemplateSpec spec = new EcrRepositoryCreationTemplateSpec();
    spec.adopt = true;
    spec.region = region;
    spec.prefix = actual.prefix();
    spec.description =
        actual.description() == null || actual.description().isEmpty()
            ? null
            : actual.description();
    spec.appliedFor = actual.appliedFor().stream().map(AppliedFor::valueOf).toList();
    spec.encryptionConfiguration =
        ImportedRepositorySettings.encryption(actual.encryptionType(), actual.kmsKey());
    spec.imageTagMutability = ImportedRepositorySettings.tagMutability(actual.imageTagMutability());
    if (spec.imageTagMutability != null) {
      spec.imageTagMutabilityExclusionFilters =
          ImportedRepositorySettings.exclusionFilters(actual.imageTagMutabilityExclusionFilters());
    }
    spec.lifecyclePolicy = ImportedRepositorySettings.lifecyclePolicy(actual.lifecyclePolicy());
    spec.repositoryPolicy = actual.repositoryPolicy();
    spec.resourceTags = actual.resourceTags().isEmpty() ? null : actual.resourceTags();
    spec.customRoleArn = actual.customRoleArn();
    return spec;
  }
}
